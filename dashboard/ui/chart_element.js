// thidua's chart element (dashboard/ui/chart_element.py): one <div> that stays while its page
// stays, redrawn with Plotly.react when its figure changes. Streamlit calls this function when
// the element's data changes (a run that sends the same data does not call it); an unchanged
// figure is left as it is. A chart out of sight is drawn when it comes near (see near()).
const ready = {};

function plotly(url) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!ready[url]) {
    ready[url] = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error(url)));
      script.onerror = () => { delete ready[url]; reject(new Error(url)); };
      document.head.appendChild(script);
    });
  }
  return ready[url];
}

// The mode bar's full screen button (Streamlit's own chart had one): the chart fills the
// window until the button, Escape or the button again.
const EXPAND = { width: 24, height: 24,
  path: "M3 3h7v2H5v5H3zM14 3h7v7h-2V5h-5zM3 14h2v5h5v2H3zM19 14h2v7h-7v-2h5z" };
const COLLAPSE = { width: 24, height: 24,
  path: "M8 3h2v7H3V8h5zM14 3h2v5h5v2h-7zM3 14h7v7H8v-5H3zM14 14h7v2h-5v5h-2z" };

// Plotly.react draws anew (not in place) when its config differs from the last one, functions
// compared by identity: the button, its click and the config are made once per state.
function config(div) {
  const state = div.thidua;
  const full = div.classList.contains("thidua-chart-full");
  const made = state.made || (state.made = {});
  if (made.source !== state.config || made.words !== state.words) {
    const click = () => toggle(div);
    const button = (title, icon) => ({ name: "thidua-fullscreen", title, icon, click });
    made.source = state.config;
    made.words = state.words;
    const own = { ...state.config, responsive: false };  // follow() does it
    made.normal = { ...own, modeBarButtonsToAdd: [button(state.words.fullscreen, EXPAND)] };
    made.full = { ...own,
      modeBarButtonsToAdd: [button(state.words.close_fullscreen, COLLAPSE)] };
  }
  return full ? made.full : made.normal;
}

// The width is always given, measured here: Plotly's own autosize (its "responsive", its
// Plots.resize) deletes the figure's height from the layout it was handed and measures the
// <div> again, which went wrong while a chart left the full screen box.
function layout(div) {
  const state = div.thidua;
  if (div.classList.contains("thidua-chart-full")) {
    const room = 32;  // the padding of the full screen box, both sides
    return { ...state.layout, width: window.innerWidth - room,
             height: window.innerHeight - room };
  }
  const width = Math.round(div.clientWidth);
  return state.layout.width || !width ? state.layout : { ...state.layout, width };
}

// A chart is drawn only when it is in sight or near it: below the window (the Tiêu chí
// page's completeness chart, two of the Khen thưởng page's four), hidden in a closed box, it is
// drawn when it comes within NEAR of the window, as the page is scrolled or opened; until then
// it keeps its place (its figure's height) and what it last showed. Every viewer's browser was
// drawing charts nobody was looking at on every change of a filter or the language. Printing
// and the full screen box draw at once.
const NEAR = 200;  // px above and below the window: two turns of a mouse wheel (100 px each)
const charts = new Set();
let printing = false;
let sight = null;

function watch(div) {
  if (!sight && "IntersectionObserver" in window) {
    const margin = `${NEAR}px 0px`;
    // scrollMargin: Streamlit scrolls inside <main>, whose box would clip rootMargin's reach.
    sight = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const div = entry.target;
        div.thiduaNear = entry.isIntersecting;
        if (div.thiduaNear && div.thiduaStale && div.thidua && div.thidua.plotly) draw(div);
      }
    }, { rootMargin: margin, scrollMargin: margin });
  }
  charts.add(div);
  if (sight) sight.observe(div);
}

function unwatch(div) {
  charts.delete(div);
  if (sight) sight.unobserve(div);
}

function near(div) {
  if (printing || !sight || div.classList.contains("thidua-chart-full")) return true;
  if (div.thiduaNear !== undefined) return div.thiduaNear;  // the observer has said
  // Before the observer's first word (it comes a frame later): where the <div> is now.
  const box = div.getBoundingClientRect();
  return box.width > 0 && box.bottom >= -NEAR && box.top <= window.innerHeight + NEAR;
}

function draw(div) {
  const state = div.thidua;
  if (!near(div)) {
    div.thiduaStale = true;
    return Promise.resolve();
  }
  div.thiduaStale = false;
  div.style.minHeight = "";
  return state.plotly.react(div, state.data, layout(div), config(div));
}

// Ctrl+P (beforeprint) and a print preview or PDF made by emulating print media (its media
// query): every chart is drawn before the page is laid out on paper.
function printed(now) {
  printing = now;
  if (now) {
    for (const div of charts) if (div.thiduaStale && div.thidua && div.thidua.plotly) draw(div);
  }
}
addEventListener("beforeprint", () => printed(true));
addEventListener("afterprint", () => printed(matchMedia("print").matches));
matchMedia("print").addEventListener("change", (event) => printed(event.matches));

function toggle(div) {
  div.classList.toggle("thidua-chart-full");
  const full = div.classList.contains("thidua-chart-full");
  if (full) {
    div.thidua.escape = (event) => { if (event.key === "Escape") toggle(div); };
    document.addEventListener("keydown", div.thidua.escape);
  } else {
    document.removeEventListener("keydown", div.thidua.escape);
  }
  draw(div);
}

// The chart follows its column's width, not only the window's: the sidebar opened or closed,
// the window resized, the full screen box. Once a frame at most, after the first draw.
function follow(div) {
  let width = 0;
  let pending = false;
  const observer = new ResizeObserver((entries) => {
    const now = Math.round(entries[entries.length - 1].contentRect.width);
    if (now === width || pending) return;
    width = now;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const state = div.thidua;
      if (!state || !state.plotly || !div.classList.contains("js-plotly-plot")) return;
      draw(div);  // the new width (Plotly.react changes only the size)
    });
  });
  observer.observe(div);
  return observer;
}

// Charts whose Plotly.js did not arrive (the server restarting, the network): each tries again
// by itself, after 2, 4, 8, 16 and 30 s, and all of them as soon as one has it.
const failed = new Set();
const RETRIES = [2000, 4000, 8000, 16000, 30000];

function retry(div) {
  const attempt = div.thiduaAttempt || 0;
  if (attempt >= RETRIES.length) return;
  div.thiduaAttempt = attempt + 1;
  setTimeout(() => { if (div.isConnected && failed.has(div)) render(div, div.thiduaAsked); },
             RETRIES[attempt]);
}

function render(div, data) {
  // The last figure and config asked for, kept as properties (not attributes: the DOM stays
  // small and nothing of the data is in the page's markup).
  div.thiduaAsked = data;
  div.thiduaSpec = data.spec;
  div.thiduaConfig = data.config;
  const figure = JSON.parse(data.spec);
  if (!div.classList.contains("js-plotly-plot") && figure.layout && figure.layout.height) {
    div.style.minHeight = `${figure.layout.height}px`;  // its place, drawn or not yet
  }
  plotly(data.script).then((Plotly) => {
    if (div.thiduaSpec !== data.spec) return;  // a newer run's figure came first
    const state = div.thidua || (div.thidua = {});
    if (state.configText !== data.config) {
      state.configText = data.config;
      state.config = JSON.parse(data.config);
    }
    if (JSON.stringify(state.words) !== JSON.stringify(data.words)) state.words = data.words;
    Object.assign(state, { plotly: Plotly, data: figure.data || [],
                           layout: figure.layout || {} });
    if (failed.delete(div)) {
      div.classList.remove("thidua-chart-failed");
      div.textContent = "";
      div.thiduaAttempt = 0;
    }
    for (const other of [...failed]) {
      if (other.isConnected) render(other, other.thiduaAsked);
      else failed.delete(other);
    }
    return draw(div);
  }, () => {
    failed.add(div);
    div.style.minHeight = "";
    div.classList.add("thidua-chart-failed");
    div.textContent = data.words.failed;
    retry(div);
  }).catch((error) => {  // Plotly refused the figure: said, not tried again
    div.style.minHeight = "";
    div.classList.add("thidua-chart-failed");
    div.textContent = data.words.failed;
    console.error(error);
  });
}

export default function (component) {
  const { data, parentElement } = component;
  let div = parentElement.querySelector("div.thidua-chart");
  if (!div) {
    div = document.createElement("div");
    div.className = "thidua-chart";
    div.setAttribute("role", "figure");
    parentElement.appendChild(div);
    div.thiduaObserver = follow(div);
    watch(div);
  }
  div.setAttribute("aria-label", data.label);
  if (div.thiduaSpec !== data.spec || div.thiduaConfig !== data.config) render(div, data);
  // Called when the element leaves the page (Streamlit keeps only the last one): the chart's
  // listeners go with it. A call while the <div> is still shown is a superseded run's.
  return () => {
    if (div.isConnected) return;
    failed.delete(div);
    unwatch(div);
    if (div.thiduaObserver) div.thiduaObserver.disconnect();
    if (div.thidua && div.thidua.escape) document.removeEventListener("keydown", div.thidua.escape);
    if (window.Plotly) window.Plotly.purge(div);
  };
}
