// libpsl (Debian libpsl-dev): the Public Suffix List behind `Domain`'s registrable domains (DESIGN.md §3).
// Kept as its own system module so ChannelModel is the only layer that sees C, like CCurses for TerminalUI.
#ifndef CHANNELDESK_CPSL_SHIM_H
#define CHANNELDESK_CPSL_SHIM_H
#include <libpsl.h>
#endif
