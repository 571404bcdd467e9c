// The only C surface of ChannelDesk. SwiftPM drops pkg-config's -D flags, so ask for the wide API here.
// Swift 6 rejects curses' mutable globals as not concurrency-safe and cannot import function-like or
// bit-shifting macros, so each one the terminal backend needs is wrapped in a `static inline` function.
#ifndef CHANNELDESK_CCURSES_SHIM_H
#define CHANNELDESK_CCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Globals.
static inline WINDOW *cd_stdscr(void) { return stdscr; }
static inline int cd_lines(void) { return LINES; }
static inline int cd_cols(void) { return COLS; }
static inline int cd_colors(void) { return COLORS; }
static inline int cd_color_pairs(void) { return COLOR_PAIRS; }
static inline int cd_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int cd_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }

// Attributes.
static inline attr_t cd_a_normal(void) { return A_NORMAL; }
static inline attr_t cd_a_bold(void) { return A_BOLD; }
static inline attr_t cd_a_reverse(void) { return A_REVERSE; }
static inline attr_t cd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cd_a_dim(void) { return A_DIM; }
static inline int cd_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cd_ccharw_max(void) { return CCHARW_MAX; }

// wcwidth is only declared under _XOPEN_SOURCE, which SwiftPM dropped; the backend needs libc's opinion
// of a character's width because that is what ncurses uses to place it.
extern int wcwidth(wchar_t c);
static inline int cd_wcwidth(wchar_t c) { return wcwidth(c); }

// Key codes (the plain ones also import directly; these keep the decoder's table checkable).
static inline int cd_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cd_key_f(int n) { return KEY_F(n); }
static inline int cd_key_resize(void) { return KEY_RESIZE; }
static inline int cd_key_mouse(void) { return KEY_MOUSE; }

// Mouse masks.
static inline mmask_t cd_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cd_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cd_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cd_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cd_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t cd_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cd_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t cd_button4_pressed(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t cd_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cd_button5_pressed(void) { return 0; }
#endif
#endif
