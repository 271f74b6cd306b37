/**
 * A stable colour per concept name: the same name gets the same colour in every box, bar and
 * chip, across runs. The palette is Okabe–Ito, which stays distinguishable for the common kinds
 * of colour blindness (black left out: it reads as "no colour" on a photo).
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** FNV-1a: tiny, deterministic and spreads short strings well enough for a palette pick. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function colorFor(name: string): string {
  return PALETTE[hash(name.trim().toLowerCase()) % PALETTE.length] ?? PALETTE[0];
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
export function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) return 0;
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Black or white text, whichever reads better on `background`. */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  const onWhite = 1.05 / (l + 0.05);
  const onBlack = (l + 0.05) / 0.05;
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

/**
 * Colours for the classes drawn together (the boxes and masks of one output). Each name keeps its
 * own `colorFor` colour when no other name in the set has it, so a class looks the same across
 * outputs; when two names collide, the later one (in name order, so the answer does not depend on
 * the order regions arrive in) takes the next colour nobody uses. Beyond the palette's seven
 * colours repeats are unavoidable; the legend's toggles tell them apart.
 */
export function assignColors(names: Iterable<string>): Map<string, string> {
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  const taken = new Set<string>();
  const colors = new Map<string, string>();
  const wanted = new Map(unique.map((name) => [name, colorFor(name)]));
  // First pass: everyone whose own colour is still free keeps it.
  for (const name of unique) {
    const own = wanted.get(name) ?? PALETTE[0];
    if (!taken.has(own)) {
      taken.add(own);
      colors.set(name, own);
    }
  }
  // Second pass: the colliding ones probe forward from their own colour to a free one.
  for (const name of unique) {
    if (colors.has(name)) continue;
    const own = wanted.get(name) ?? PALETTE[0];
    const start = PALETTE.findIndex((color) => color === own);
    let pick = own;
    for (let step = 1; step <= PALETTE.length; step += 1) {
      const candidate = PALETTE[(start + step) % PALETTE.length] ?? PALETTE[0];
      if (!taken.has(candidate)) {
        pick = candidate;
        break;
      }
    }
    taken.add(pick);
    colors.set(name, pick);
  }
  return colors;
}

/** `#rrggbb` → [r, g, b] (0..255); black for anything else. */
export function hexToRgb(hex: string): [number, number, number] {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex);
  const value = match?.[1] ? Number.parseInt(match[1], 16) : 0;
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

const toHex = (channel: number) => Math.round(channel).toString(16).padStart(2, '0');

/**
 * A diverging colour for a value in -1..1: blue for negative, white at 0, orange for positive.
 * Blue–orange stays readable for red–green colour blindness, unlike the usual red–green ramps.
 */
export function divergingColor(value: number): string {
  const t = Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  const [r, g, b] = t < 0 ? hexToRgb('#0072B2') : hexToRgb('#E69F00');
  const k = Math.abs(t);
  return `#${toHex(255 + (r - 255) * k)}${toHex(255 + (g - 255) * k)}${toHex(255 + (b - 255) * k)}`;
}
