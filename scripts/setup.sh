#!/usr/bin/env bash
# Installs what ChannelDesk builds and tests against, when missing, from Debian's packages: ncursesw
# (the console), libpsl + libidn2 + the Public Suffix List (registrable domains), psl (the reference
# the domain tests compare against), tmux (end-to-end tests), sqlite3 (the benchmark's yardstick),
# libdeflate (the programme file's CRC-32) and postgresql (the shared-programme tests start throwaway
# clusters of it).
# Quiet and quick when everything is there, so the README's commands can run it every time.
set -euo pipefail
need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
[ -e /usr/include/ncursesw/curses.h ] || need+=(libncursesw5-dev)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[ -e /usr/include/libpsl.h ] || need+=(libpsl-dev)
[ -e /usr/include/libdeflate.h ] || need+=(libdeflate-dev)
[ -e /usr/share/publicsuffix/public_suffix_list.dat ] || need+=(publicsuffix)
[ -e /usr/include/idn2.h ] || need+=(libidn2-dev)
command -v psl >/dev/null 2>&1 || need+=(psl)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
echo "setup: installing ${need[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" >/dev/null
