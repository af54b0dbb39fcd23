// localhub: Evalscript V3 globals the Sentinel Hub renderer supplies (constants, utility functions, visualizers).
// Defined by assignment (configurable globals) so a user script may redeclare any of them with let/const/function.
"use strict";

globalThis.SampleType = Object.freeze({
  AUTO: "AUTO", UINT8: "UINT8", UINT16: "UINT16", INT8: "INT8", INT16: "INT16", FLOAT32: "FLOAT32",
});
globalThis.Mosaicking = Object.freeze({ SIMPLE: "SIMPLE", ORBIT: "ORBIT", TILE: "TILE" });

// Normalized difference (x - y) / (x + y).
globalThis.index = function (x, y) {
  return (x - y) / (x + y);
};

function __lh_segment(value, limits) {
  // index i such that limits[i] <= value < limits[i + 1]; -1 below, limits.length - 1 at or above the top.
  if (!(value > limits[0])) return -1;
  for (let i = 1; i < limits.length; i++) {
    if (value < limits[i]) return i - 1;
  }
  return limits.length - 1;
}

// Linear interpolation of a scalar between stops; clamped outside the first and last stop.
globalThis.valueInterpolate = function (value, limits, values) {
  const i = __lh_segment(value, limits);
  if (i < 0) return values[0];
  if (i >= limits.length - 1) return values[values.length - 1];
  const t = (value - limits[i]) / (limits[i + 1] - limits[i]);
  return values[i] + (values[i + 1] - values[i]) * t;
};

// Linear interpolation of colours (arrays of equal length) between stops; clamped outside.
globalThis.colorBlend = function (value, limits, colors) {
  const i = __lh_segment(value, limits);
  if (i < 0) return colors[0].slice();
  if (i >= limits.length - 1) return colors[colors.length - 1].slice();
  const a = colors[i], b = colors[i + 1];
  const t = (value - limits[i]) / (limits[i + 1] - limits[i]);
  const out = new Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] + (b[k] - a[k]) * t;
  return out;
};

// Mix two colours: (1 - alpha) * a + alpha * b.
globalThis.combine = function (a, b, alpha) {
  const out = new Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] * (1 - alpha) + b[k] * alpha;
  return out;
};

function __lh_rgb(color) {
  if (typeof color === "number") {
    return [((color >> 16) & 0xff) / 255, ((color >> 8) & 0xff) / 255, (color & 0xff) / 255];
  }
  if (typeof color === "string") {
    const n = parseInt(color.replace(/^#/, ""), 16);
    return __lh_rgb(n);
  }
  return color.slice();
}

// Discrete colour map: the colour of the last stop <= value (the first stop's colour below it).
globalThis.ColorMapVisualizer = class ColorMapVisualizer {
  constructor(valColPairs) {
    this.values = valColPairs.map((p) => p[0]);
    this.colors = valColPairs.map((p) => __lh_rgb(p[1]));
  }
  process(val) {
    let chosen = 0;
    for (let i = 0; i < this.values.length; i++) {
      if (val >= this.values[i]) chosen = i;
    }
    return this.colors[chosen].slice();
  }
  static createDefaultColorMap() {
    return new ColorMapVisualizer([
      [-1.0, 0x000000], [-0.2, 0xff0000], [-0.1, 0x9a0000], [0.0, 0x660000], [0.1, 0xffff33],
      [0.2, 0xcccc33], [0.3, 0x666600], [0.4, 0x33ffff], [0.5, 0x33cccc], [0.6, 0x006666],
      [0.7, 0x33ff33], [0.8, 0x33cc33], [0.9, 0x006600],
    ]);
  }
};

// Continuous colour ramp: colours interpolated between stops; optional min/max rescale the stops linearly.
globalThis.ColorRampVisualizer = class ColorRampVisualizer {
  constructor(ramps, minVal, maxVal) {
    let values = ramps.map((r) => r[0]);
    const first = values[0], last = values[values.length - 1];
    if (minVal !== undefined && maxVal !== undefined && last !== first) {
      values = values.map((v) => minVal + ((v - first) * (maxVal - minVal)) / (last - first));
    }
    this.values = values;
    this.colors = ramps.map((r) => __lh_rgb(r[1]));
  }
  process(val) {
    return colorBlend(val, this.values, this.colors);
  }
  static createWhiteGreen(minVal, maxVal) {
    return new ColorRampVisualizer([[0, 0xffffff], [1, 0x008000]], minVal === undefined ? 0 : minVal,
      maxVal === undefined ? 1 : maxVal);
  }
  static createRedTemperature(minVal, maxVal) {
    return new ColorRampVisualizer([[0, 0x000000], [0.33, 0xff0000], [0.66, 0xffff00], [1, 0xffffff]],
      minVal === undefined ? 0 : minVal, maxVal === undefined ? 1 : maxVal);
  }
  static createBlueRed(minVal, maxVal) {
    return new ColorRampVisualizer([[0, 0x0000ff], [0.5, 0xffffff], [1, 0xff0000]],
      minVal === undefined ? 0 : minVal, maxVal === undefined ? 1 : maxVal);
  }
};
globalThis.ColorGradientVisualizer = globalThis.ColorRampVisualizer;

function __lh_stretch(val, minValue, maxValue, gain, offset, gamma) {
  let v = (val - minValue) / (maxValue - minValue);
  v = v * gain + offset;
  if (v < 0) v = 0;
  if (v > 1) v = 1;
  return gamma === 1 ? v : Math.pow(v, gamma);
}

// Linear stretch min..max -> 0..1 (clamped), then gain, offset and gamma.
globalThis.DefaultVisualizer = class DefaultVisualizer {
  constructor(minValue = 0, maxValue = 1, gamma = 1, gain = 1, offset = 0) {
    Object.assign(this, { minValue, maxValue, gamma, gain, offset });
  }
  process(val) {
    return __lh_stretch(val, this.minValue, this.maxValue, this.gain, this.offset, this.gamma);
  }
  processList(list) {
    return list.map((v) => this.process(v));
  }
};

// Stretch with highlight compression: linear up to 92 % of the range, then compressed towards 1.
globalThis.HighlightCompressVisualizer = class HighlightCompressVisualizer {
  constructor(minValue = 0, maxValue = 1, gain = 1, offset = 0, gamma = 1) {
    Object.assign(this, { minValue, maxValue, gain, offset, gamma });
  }
  process(val) {
    let v = ((val - this.minValue) / (this.maxValue - this.minValue)) * this.gain + this.offset;
    const knee = 0.92;
    if (v > knee) v = knee + (1 - knee) * (1 - Math.exp(-(v - knee) / (1 - knee)));
    if (v < 0) v = 0;
    if (v > 1) v = 1;
    return this.gamma === 1 ? v : Math.pow(v, this.gamma);
  }
  processList(list) {
    return list.map((v) => this.process(v));
  }
};
globalThis.HighlightCompressVisualizerSingle = globalThis.HighlightCompressVisualizer;
globalThis.Identity = class Identity {
  process(val) {
    return val;
  }
};
