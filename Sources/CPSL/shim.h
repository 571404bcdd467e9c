// libpsl and libidn2 (Debian libpsl-dev, libidn2-dev): the Public Suffix List behind `Domain`'s
// registrable domains, and IDNA so that Unicode and punycode spellings of a name are one prospect.
// Kept as its own system module so ChannelModel is the only layer that sees C, like CCurses for TerminalUI.
#ifndef CHANNELDESK_CPSL_SHIM_H
#define CHANNELDESK_CPSL_SHIM_H
#include <libpsl.h>
#include <idn2.h>
#endif
