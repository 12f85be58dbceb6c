#!/usr/bin/env bash
# Takes the screenshot gallery of embex's views, light and dark, for any checkout whose launcher jar is built:
#
#   docs/screenshots/gallery.sh ROOT OUTDIR
#
# ROOT is a checkout (app/launcher/target/embex.jar built, models installed in ROOT/models), OUTDIR where the PNGs go.
# Made for issue 18 to take the same "before" and "after" pictures of the window and of `embex plot`.
#
# Window pictures (whole 1600x1000 virtual screen, so one sees where each tool window sits, over or beside the map):
#   map-T.png                 the explorer on the bundled sample once its UMAP map has settled
#   threshold-T.png           the threshold workbench (Ctrl+T) as first opened: the map's model only
#   compare-T.png             the model comparison (Ctrl+M, second model chosen in the dialog)
#   threshold-both-T.png      the workbench again after the comparison: it then studies both models
# for T = light and dark. Command-line pictures: plot-{map,roc,compare}-{light,dark}.png.
#
# Needs: Xvfb, xdotool, ImageMagick (import, compare, convert), python3, java 17.
#   apt-get install -y xvfb libgtk-3-0 xdotool imagemagick
# Environment knobs: GALLERY_FIRST_MODEL (all-minilm-l6-v2), GALLERY_SECOND_MODEL (bge-small-zh-v1.5),
# GALLERY_KEEP=1 keeps the scratch folder (app logs, settle shots) after a successful run.
set -uo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 ROOT OUTDIR" >&2
  exit 2
fi
root="$(cd "$1" && pwd)" || exit 2
mkdir -p "$2" && out="$(cd "$2" && pwd)" || exit 2
jar="$root/app/launcher/target/embex.jar"
sample="$root/samples/telecom-support-en.csv"
first_model="${GALLERY_FIRST_MODEL:-all-minilm-l6-v2}"
second_model="${GALLERY_SECOND_MODEL:-bge-small-zh-v1.5}"

for tool in Xvfb xdotool import compare convert python3 java; do
  command -v "$tool" >/dev/null || { echo "gallery: $tool is missing (apt-get install -y xvfb libgtk-3-0 xdotool imagemagick)" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "gallery: no $jar: build the checkout first" >&2; exit 2; }
[ -f "$sample" ] || { echo "gallery: no $sample" >&2; exit 2; }

started=$SECONDS
work="$(mktemp -d /tmp/embex-gallery.XXXXXX)"
problems=0
xvfb_pid=""
app_pid=""

log() { printf '[%4ds] %s\n' "$((SECONDS - started))" "$*"; }
warn() { problems=$((problems + 1)); printf '[%4ds] WARNING: %s\n' "$((SECONDS - started))" "$*"; }

# Stops what this script started, by pid, whatever way the script ends.
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null
  fi
  app_pid=""
}
cleanup() {
  stop_app
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    sleep 0.5
    kill -9 "$xvfb_pid" 2>/dev/null
  fi
  if [ "$problems" -eq 0 ] && [ "${GALLERY_KEEP:-0}" != 1 ]; then
    rm -rf "$work"
  else
    echo "gallery: scratch folder (app logs, last shots) kept in $work" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh home for every run: the window remembers the theme, recent files and models (java.util.prefs) and the
# vectors (~/.cache/embex). Java takes user.home from the password file, not from $HOME, so it is set on the JVM too;
# without it the run would read and write the real user's settings and cache.
home="$work/home"
mkdir -p "$home"
java_opts=(--add-modules jdk.incubator.vector "-Duser.home=$home" "-Djava.util.prefs.userRoot=$home/.java"
  "-Dembex.root=$root" "-Dembex.models=$root/models")
# env execs java, so a background start's $! is the JVM's pid (which finds its windows, and is what is stopped).
embex_cmd=(env -u EMBEX_CACHE -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="$home" XDG_CACHE_HOME="$home/.cache"
  java "${java_opts[@]}" -jar "$jar")
embex() { "${embex_cmd[@]}" "$@"; }

# A display of our own: the first free number from 90 on, at the gallery's fixed size.
display=""
for n in $(seq 90 130); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 1 50); do
    DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 && { display=":$n"; break; }
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.2
  done
  [ -n "$display" ] && break
  kill "$xvfb_pid" 2>/dev/null
  xvfb_pid=""
done
[ -n "$display" ] || { echo "gallery: could not start Xvfb" >&2; exit 1; }
export DISPLAY="$display"
log "Xvfb on $DISPLAY (1600x1000x24), home $home"

shot() { import -silent -window root "$1"; }

# Waits until two shots 3 s apart are the same (a few pixels of slack, for a text caret) $2 times in a row,
# at most $1 seconds. Two in a row, not one: the map is drawn with PCA first and then with UMAP, and the
# screen may stand still for one interval in between.
settle() {
  local max=$1 need=${2:-2} stable=0 begun=$SECONDS diff
  shot "$work/settle-a.png"
  while ((SECONDS - begun < max)); do
    sleep 3
    shot "$work/settle-b.png"
    diff=$(compare -metric AE -fuzz 1% "$work/settle-a.png" "$work/settle-b.png" null: 2>&1 | awk '{printf "%d", $1}')
    if [ "${diff:-999999}" -le 30 ]; then
      stable=$((stable + 1))
      ((stable >= need)) && return 0
    else
      stable=0
    fi
    mv "$work/settle-b.png" "$work/settle-a.png"
  done
  warn "the screen did not settle within ${max}s"
  return 1
}

# The app's visible windows (ids). Without a window manager _NET_WM_PID is still set by GTK, so --pid finds them.
windows() { xdotool search --onlyvisible --pid "$app_pid" --name '.' 2>/dev/null | sort; }
# Waits (at most $1 s) for a visible window of the app that is not among $2 (a list of ids) and prints it;
# a window whose name matches $3, if given, is preferred.
new_window() {
  local max=$1 known=$2 pattern=${3:-} begun=$SECONDS w fresh
  while ((SECONDS - begun < max)); do
    fresh=""
    for w in $(windows); do
      grep -qx "$w" <<<"$known" && continue
      if [ -n "$pattern" ] && xdotool getwindowname "$w" 2>/dev/null | grep -qiE "$pattern"; then
        echo "$w"
        return 0
      fi
      fresh="$w"
    done
    if [ -n "$fresh" ] && [ -z "$pattern" ]; then
      echo "$fresh"
      return 0
    fi
    sleep 1
  done
  [ -n "$fresh" ] && { echo "$fresh"; return 0; }
  return 1
}
# Focus for key presses. There is no window manager on the virtual display, so `xdotool windowactivate` is
# refused (no _NET_ACTIVE_WINDOW); windowfocus sets the X input focus directly.
focus() {
  xdotool windowraise "$1" 2>/dev/null
  xdotool windowfocus --sync "$1" 2>/dev/null || xdotool windowfocus "$1"
  sleep 0.3
}
# Closes a tool window as its title bar's close button would: the WM_DELETE_WINDOW message. The old workbench
# and compare windows take no Escape or Ctrl+W, and `xdotool windowclose` destroys the X window behind JavaFX's
# back: the stage then still counts as showing, and Ctrl+T or Ctrl+M can never show it again.
close_window() {
  python3 - "$1" <<'PY'
import ctypes, ctypes.util, sys
x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]
class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open the display")
window = int(sys.argv[1])
event = XEvent()
event.xclient.type = 33  # ClientMessage
event.xclient.window = window
event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(display, window, 0, 0, ctypes.byref(event))
x.XFlush(display)
x.XCloseDisplay(display)
PY
  local i
  for i in $(seq 1 20); do
    xdotool search --onlyvisible --pid "$app_pid" --name '.' 2>/dev/null | grep -qx "$1" || return 0
    sleep 0.5
  done
  warn "window $1 ($(xdotool getwindowname "$1" 2>/dev/null)) did not close"
}

# Where the second model sits in the compare dialog's choice box: the box lists the installed models other than
# the one on the map, in the catalogue's order (as `embex models` lists them), the first one selected.
second_model_steps=0
mapfile -t installed < <(embex models 2>/dev/null |
  awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "installed") c = i; next } c && $c == "yes" { print $1 }')
others=()
for m in "${installed[@]}"; do [ "$m" != "$first_model" ] && others+=("$m"); done
found=""
for i in "${!others[@]}"; do [ "${others[$i]}" = "$second_model" ] && found=$i; done
if [ -n "$found" ]; then
  second_model_steps=$found
else
  warn "$second_model is not installed in $root/models (installed: ${installed[*]:-none}); the dialog's first choice is taken"
fi
log "installed models: ${installed[*]:-?}; $second_model is choice $((second_model_steps + 1)) of ${#others[@]} in the compare dialog"

# Ctrl+T, wait for the workbench (it shows once the study is scored), settle, picture, close.
workbench_shot() {
  local file=$1 known wb
  known=$(windows)
  focus "$main"
  xdotool key ctrl+t
  if wb=$(new_window 120 "$known" 'threshold'); then
    log "workbench: window $wb '$(xdotool getwindowname "$wb")' $(xdotool getwindowgeometry "$wb" | tr -s '\n ' ' ')"
    xdotool mousemove 1599 999
    settle 60
    shot "$out/$file"
    log "wrote $file"
    close_window "$wb"
  else
    warn "no threshold workbench within 120 s after Ctrl+T; $file not taken"
  fi
}

# One pass of the window in theme $1: a fresh start of the app (the same home, so the second pass reuses the
# vectors and layouts of the first), then map, workbench, comparison, workbench over both models.
window_pass() {
  local theme=$1 known dialog cmp i
  log "--- window, $theme theme"
  "${embex_cmd[@]}" >"$work/app-$theme.log" 2>&1 &
  app_pid=$!
  main=""
  for _ in $(seq 1 120); do
    main=$(xdotool search --onlyvisible --pid "$app_pid" --name '^embex' 2>/dev/null | head -1)
    [ -n "$main" ] && break
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$main" ]; then
    warn "the window did not open ($theme); see $work/app-$theme.log"
    stop_app
    return
  fi
  log "main window $main '$(xdotool getwindowname "$main")' $(xdotool getwindowgeometry "$main" | tr -s '\n ' ' ')"
  # The pointer out of every window (bottom-right corner), so no point is hovered or tooltip shown.
  xdotool mousemove 1599 999
  # The first open embeds the sample and draws a PCA map, then the UMAP map.
  settle 90
  if [ "$theme" = dark ]; then
    focus "$main"
    xdotool key ctrl+d
    settle 30
  fi
  shot "$out/map-$theme.png"
  log "wrote map-$theme.png"

  workbench_shot "threshold-$theme.png"

  # Ctrl+M opens a choice dialog; its choice box has the focus: Down moves the selection (closed box), Return is OK.
  known=$(windows)
  focus "$main"
  xdotool key ctrl+m
  if dialog=$(new_window 30 "$known" '^compare models$'); then
    focus "$dialog"
    for ((i = 0; i < second_model_steps; i++)); do xdotool key Down; sleep 0.2; done
    sleep 0.5
    shot "$work/compare-dialog-$theme.png"
    known=$(windows)
    xdotool key Return
    if cmp=$(new_window 240 "$known" 'compare'); then
      log "comparison: window $cmp '$(xdotool getwindowname "$cmp")' $(xdotool getwindowgeometry "$cmp" | tr -s '\n ' ' ')"
      xdotool mousemove 1599 999
      settle 90
      shot "$out/compare-$theme.png"
      log "wrote compare-$theme.png"
      close_window "$cmp"
    else
      warn "no comparison window within 240 s; compare-$theme.png not taken"
    fi
  else
    warn "no model dialog after Ctrl+M (is a second model installed?); compare-$theme.png not taken"
  fi

  workbench_shot "threshold-both-$theme.png"

  focus "$main"
  xdotool key ctrl+q
  for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  stop_app
}

window_pass light
window_pass dark

# The command line's pictures, with the same jar and home (the layouts the window made come from the cache).
log "--- plot"
plot_help=$(embex plot --help 2>&1)
plot_extra=()
grep -q -- '--models-dir' <<<"$plot_help" && plot_extra+=(--models-dir "$root/models")
plot() {
  local file=$1
  shift
  if embex plot "$sample" -m "$first_model" "${plot_extra[@]}" -o "$out/$file" --quiet "$@" >"$work/plot.log" 2>&1 &&
    [ -s "$out/$file" ]; then
    log "wrote $file"
  else
    warn "plot $* failed: $(grep -v 'WARNING: Using incubator' "$work/plot.log" | tr '\n' ' ' | cut -c1-400)"
  fi
}
for theme in light dark; do
  dark=()
  [ "$theme" = dark ] && dark=(--dark)
  plot "plot-map-$theme.png" --view map "${dark[@]}"
  plot "plot-roc-$theme.png" --view roc "${dark[@]}"
  plot "plot-compare-$theme.png" --view compare --against "$second_model" --method pca "${dark[@]}"
done

# Large PNGs recompressed (lossless): screenshots of a whole screen can pass 600 KB.
for png in "$out"/*.png; do
  [ -f "$png" ] || continue
  if [ "$(stat -c %s "$png")" -gt 600000 ]; then
    convert "$png" -strip -define png:compression-level=9 "$png" && log "recompressed $(basename "$png") to $(stat -c %s "$png") bytes"
  fi
done

log "done in $((SECONDS - started)) s, $problems warning(s); pictures in $out:"
for png in "$out"/*.png; do [ -f "$png" ] && printf '  %8d  %s\n' "$(stat -c %s "$png")" "$png"; done
[ "$problems" -eq 0 ]
