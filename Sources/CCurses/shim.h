// The only C surface of ChannelDesk. SwiftPM drops pkg-config's -D flags, so ask for the wide API here.
#ifndef CHANNELDESK_CCURSES_SHIM_H
#define CHANNELDESK_CCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
