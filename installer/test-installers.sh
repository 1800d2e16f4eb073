#!/usr/bin/env bash
# Installer tests (issue 6), run against the artefacts of `./mvnw -Pinstaller package`:
#   1. coordinator archive: unpack it into a temporary folder, start bin/prochat-server (through a
#      symlink, from another folder) with no Java on the PATH, post a message with a console
#      client, find it in chat.log, stop the coordinator with SIGTERM and see it exit cleanly;
#   2. desktop .deb: install it with apt-get, check the launcher, the desktop entry and the icon,
#      start the installed launcher under Xvfb until the connect window shows, keep a screenshot,
#      then remove the package.
# Usage: installer/test-installers.sh [--no-build]
#   Builds the artefacts first (skipping the modules' tests) unless --no-build is given.
#   Needs root (it installs a package, and the Debian tools it lacks: xvfb x11-utils x11-apps
#   imagemagick fakeroot dpkg-dev) and JDK 25 (JAVA_HOME, or /usr/lib/jvm/*25*).
# Output: one line per check, logs and the screenshot in installer/target/installer-tests/, and a
# closing line "installers: N passed, N failed"; the exit status is 0 only if all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=$root/installer/target
out=$target/installer-tests

build=true
for arg in "$@"; do
  case $arg in
    --no-build) build=false ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done

passed=0
failed=0
pids=()
scratch=$(mktemp -d)

# Stops what a test started (Xvfb, the app, the coordinator) however the test ends.
kill_started() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap 'rm -rf "$scratch"' EXIT

say() { echo "installer tests: $*"; }
pass() { passed=$((passed + 1)); say "PASS $1"; }
fail() { failed=$((failed + 1)); say "FAIL $1"; }

# Polls a command until it succeeds, at most $1 seconds; returns 1 on time-out.
wait_for() {
  local limit=$1
  shift
  local deadline=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# A TCP port on 127.0.0.1 that nothing listens on, from a range ephemeral ports do not use.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

find_jdk25() {
  local home
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
    if [[ -n $home && -x $home/bin/java ]] \
        && "$home/bin/java" -XshowSettings:properties -version 2>&1 | grep -Eq 'java\.specification\.version = (2[5-9]|[3-9][0-9])'; then
      echo "$home"
      return
    fi
  done
  echo "installer tests: no JDK 25 found (set JAVA_HOME)" >&2
  exit 1
}

install_missing() {
  local need=() tool package
  for pair in Xvfb:xvfb xwininfo:x11-utils xwd:x11-apps fakeroot:fakeroot dpkg-deb:dpkg-dev; do
    tool=${pair%%:*}
    package=${pair#*:}
    command -v "$tool" >/dev/null || need+=("$package")
  done
  [[ -x /usr/bin/convert || -n $(command -v magick) ]] || need+=(imagemagick)
  ((${#need[@]})) || return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "installer tests: missing tools; install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

if [[ $(id -u) -ne 0 ]]; then
  echo "installer tests: run as root (the .deb test installs and removes a package)" >&2
  exit 1
fi
install_missing
jdk=$(find_jdk25)
if command -v magick >/dev/null; then convert=(magick); else convert=(/usr/bin/convert); fi

if $build; then
  say "building the artefacts: ./mvnw -Pinstaller -Dmaven.test.skip=true package"
  ./mvnw -q -Pinstaller -Dmaven.test.skip=true package
fi
rm -rf "$out"
mkdir -p "$out"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
app_jar=$root/app/target/prochat-app.jar

# --- 1. The coordinator archive --------------------------------------------------------------
test_server_archive() {
  local archive=$target/prochat-server-$version-linux-x64.tar.gz
  [[ -f $archive ]] || { say "no $archive"; return 1; }
  local dir=$scratch/server
  mkdir -p "$dir/unpacked" "$dir/path" "$dir/elsewhere" "$dir/links"
  tar xzf "$archive" -C "$dir/unpacked"
  local home=$dir/unpacked/prochat-server-$version

  # Every key of the example config must be one of the coordinator's options.
  local help key
  help=$("$home/bin/prochat-server" --help)
  for key in $(sed -n 's/^#\{0,1\}\([a-z-]*\)=.*/\1/p' "$home/etc/prochat.properties"); do
    grep -q -- "--$key[=, ]" <<<"$help" || { say "etc/prochat.properties: --$key is not an option"; return 1; }
  done

  # A PATH with only what the launcher script uses: no java anywhere on it.
  ln -s /usr/bin/dirname /usr/bin/readlink "$dir/path/"
  if env -i PATH="$dir/path" /bin/sh -c 'command -v java' >/dev/null; then
    say "java is still on the test PATH"
    return 1
  fi
  ln -s "$home/bin/prochat-server" "$dir/links/prochat-server"

  local port http ws pid status
  port=$(free_port)
  http=$(free_port)
  ws=$(free_port)
  (cd "$dir/elsewhere" && exec env -i PATH="$dir/path" HOME="$dir" "$dir/links/prochat-server" \
      --config "$home/etc/prochat.properties" --port "$port" --http-port "$http" --ws-port "$ws" \
      --data-dir "$dir/data" --stats-interval 0 >"$out/server.log" 2>&1) &
  pid=$!
  pids+=("$pid")
  if ! wait_for 60 grep -q "ProChat coordinator listening" "$out/server.log"; then
    say "the coordinator did not start; see $out/server.log"
    return 1
  fi

  local text="hello from the archive test $RANDOM"
  if ! echo "$text" | timeout 60 "$jdk/bin/java" -jar "$app_jar" --console --server "127.0.0.1:$port" \
      --nick ci >"$out/console-client.log" 2>&1; then
    say "the console client failed; see $out/console-client.log"
    return 1
  fi
  if ! wait_for 10 grep -qF "$text" "$dir/data/chat.log"; then
    say "the message is not in chat.log"
    return 1
  fi

  kill -TERM "$pid"
  if ! wait_for 30 bash -c "! kill -0 $pid 2>/dev/null"; then
    say "the coordinator did not stop within 30 s of SIGTERM"
    return 1
  fi
  status=0
  wait "$pid" || status=$?
  # 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks ran.
  if [[ $status -ne 0 && $status -ne 143 ]]; then
    say "the coordinator exited with status $status; see $out/server.log"
    return 1
  fi
  if ! grep -q "Shutting down" "$out/server.log" || grep -q "Exception" "$out/server.log"; then
    say "no clean shutdown in $out/server.log"
    return 1
  fi
  cp "$dir/data/chat.log" "$out/chat.log"
}

# --- 2. The desktop .deb ---------------------------------------------------------------------
window_shown() {
  xwininfo -display ":$1" -root -tree 2>/dev/null | grep -q "$2"
}

# True once the screenshot shows more than a blank window (JavaFX paints after mapping).
screenshot_painted() {
  xwd -display ":$1" -root -silent | "${convert[@]}" xwd:- png:"$2" 2>/dev/null || return 1
  (($("${convert[@]}" "$2" -format '%k' info:) > 64))
}

test_desktop_deb() {
  local deb
  deb=$(ls "$target"/prochat_*.deb 2>/dev/null | head -1)
  [[ -n $deb ]] || { say "no .deb in $target"; return 1; }
  dpkg-query -W prochat >/dev/null 2>&1 && apt-get purge -y -qq prochat >/dev/null
  # The package's dependencies come from Debian: on a machine that never ran apt-get update,
  # the first try fails for want of package lists.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$out/apt-install.log" 2>&1; then
    apt-get update -qq >>"$out/apt-install.log" 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >>"$out/apt-install.log" 2>&1 \
        || { say "apt-get install failed; see $out/apt-install.log"; return 1; }
  fi

  local launcher=/opt/prochat/bin/ProChat
  [[ -x $launcher ]] || { say "no launcher $launcher"; return 1; }
  local entry
  entry=$(grep -l '^Name=ProChat$' /usr/share/applications/*.desktop 2>/dev/null | head -1)
  [[ -n $entry ]] || { say "no desktop entry for ProChat in /usr/share/applications"; return 1; }
  cp "$entry" "$out/"
  grep -q '^Categories=Network;Chat;$' "$entry" || { say "$entry: Categories is not Network;Chat;"; return 1; }
  grep -q "^Exec=$launcher" "$entry" || { say "$entry: Exec is not $launcher"; return 1; }
  local icon
  icon=$(sed -n 's/^Icon=//p' "$entry")
  [[ -f $icon ]] || { say "$entry: icon $icon does not exist"; return 1; }

  "$launcher" --help >"$out/app-help.txt" 2>&1 || { say "$launcher --help failed"; return 1; }
  grep -q "Usage" "$out/app-help.txt" || { say "$launcher --help printed no usage"; return 1; }

  local display_file=$scratch/display display xvfb app
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$display_file" 2>"$out/xvfb.log" &
  xvfb=$!
  pids+=("$xvfb")
  wait_for 20 test -s "$display_file" || { say "Xvfb did not start"; return 1; }
  display=$(<"$display_file")

  # A fresh HOME, so no remembered settings change what the first start shows.
  mkdir -p "$scratch/home"
  HOME=$scratch/home DISPLAY=":$display" "$launcher" >"$out/app.log" 2>&1 &
  app=$!
  pids+=("$app")
  if ! wait_for 90 window_shown "$display" "ProChat — connect"; then
    say "no connect window within 90 s; see $out/app.log"
    xwininfo -display ":$display" -root -tree >"$out/windows.txt" 2>&1 || true
    return 1
  fi
  if ! wait_for 20 screenshot_painted "$display" "$out/connect-window.png"; then
    say "the connect window was not painted; see $out/connect-window.png"
    return 1
  fi
  kill -0 "$app" 2>/dev/null || { say "the app exited; see $out/app.log"; return 1; }
  kill -TERM "$app"
  wait_for 20 bash -c "! kill -0 $app 2>/dev/null" || kill -KILL "$app" 2>/dev/null || true
  kill -TERM "$xvfb" 2>/dev/null || true

  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq prochat >"$out/apt-remove.log" 2>&1 \
      || { say "apt-get purge failed; see $out/apt-remove.log"; return 1; }
  [[ ! -e $launcher && ! -e $entry ]] || { say "the package left $launcher or $entry behind"; return 1; }
}

# Each test runs in its own subshell, started in the background so that set -e holds inside it
# (bash ignores it in a subshell whose status an if or || tests); any failing command fails it.
for test in test_server_archive test_desktop_deb; do
  (trap kill_started EXIT; "$test") &
  if wait $!; then pass "$test"; else fail "$test"; fi
done
say "logs and screenshot in ${out#"$root"/}"
echo "installers: $passed passed, $failed failed"
((failed == 0))
