import { describe, expect, it, vi } from 'vitest';
import { isTypingTarget, keyLabel, matchShortcut, type KeyPress, type Shortcut } from '@/lib/shortcuts';

const shortcuts: Shortcut[] = [
  { key: '?', description: 'help', run: vi.fn() },
  { key: 'j', description: 'json', run: vi.fn() },
  { key: '[', description: 'previous version', run: vi.fn() },
  { key: 'ArrowRight', description: 'next frame', run: vi.fn() },
  { key: ' ', description: 'play', run: vi.fn() },
  { key: 'c', description: 'compare', run: vi.fn(), enabled: false },
];

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...extra };
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  const first = host.querySelector('[data-target]');
  if (!first) throw new Error('no [data-target] in the markup');
  return first;
}

describe('matchShortcut', () => {
  it('finds the shortcut a plain key press means', () => {
    expect(matchShortcut(press('j'), shortcuts)?.description).toBe('json');
    expect(matchShortcut(press('?'), shortcuts)?.description).toBe('help');
    expect(matchShortcut(press('['), shortcuts)?.description).toBe('previous version');
    expect(matchShortcut(press('ArrowRight'), shortcuts)?.description).toBe('next frame');
    expect(matchShortcut(press(' '), shortcuts)?.description).toBe('play');
  });

  it('answers nothing for a key without a shortcut, or a disabled one', () => {
    expect(matchShortcut(press('x'), shortcuts)).toBeUndefined();
    expect(matchShortcut(press('c'), shortcuts)).toBeUndefined();
  });

  it('takes a letter in either case (Caps Lock), and Space by its name too', () => {
    expect(matchShortcut(press('J'), shortcuts)?.description).toBe('json');
    expect(matchShortcut(press('Spacebar'), shortcuts)?.description).toBe('play');
    expect(
      matchShortcut(press(' '), [{ key: 'Space', description: 'named', run: vi.fn() }])?.description,
    ).toBe('named');
  });

  it('leaves chords with Ctrl, Meta or Alt to the browser', () => {
    expect(matchShortcut(press('j', { ctrlKey: true }), shortcuts)).toBeUndefined();
    expect(matchShortcut(press('j', { metaKey: true }), shortcuts)).toBeUndefined();
    expect(matchShortcut(press('j', { altKey: true }), shortcuts)).toBeUndefined();
  });

  it('takes a key typed with AltGr (Ctrl+Alt on Windows) as typed', () => {
    const altGr = press('[', { ctrlKey: true, altKey: true, getModifierState: (k) => k === 'AltGraph' });
    expect(matchShortcut(altGr, shortcuts)?.description).toBe('previous version');
  });

  it('ignores keys typed into fields, selects and editable text', () => {
    for (const html of [
      '<input data-target />',
      '<input type="range" data-target />',
      '<textarea data-target></textarea>',
      '<select data-target><option>a</option></select>',
      '<div contenteditable="true"><p data-target>text</p></div>',
    ]) {
      const target = element(html);
      expect(isTypingTarget(target), html).toBe(true);
      expect(matchShortcut(press('j', { target }), shortcuts), html).toBeUndefined();
    }
    expect(isTypingTarget(element('<div contenteditable="false"><p data-target>x</p></div>'))).toBe(false);
  });

  it('leaves Space and arrows to a focused control that uses them, but not other keys', () => {
    const button = element('<button data-target>Run</button>');
    expect(matchShortcut(press(' ', { target: button }), shortcuts)).toBeUndefined();
    expect(matchShortcut(press('j', { target: button }), shortcuts)?.description).toBe('json');
    const slider = element('<div role="slider" tabindex="0" data-target></div>');
    expect(matchShortcut(press('ArrowRight', { target: slider }), shortcuts)).toBeUndefined();
  });

  it('steps on a held arrow but does a toggle once when its key is held', () => {
    expect(matchShortcut(press('ArrowRight', { repeat: true }), shortcuts)?.description).toBe('next frame');
    expect(matchShortcut(press('j', { repeat: true }), shortcuts)).toBeUndefined();
  });

  it('ignores a key already handled, or mid-composition (IME)', () => {
    expect(matchShortcut(press('j', { defaultPrevented: true }), shortcuts)).toBeUndefined();
    expect(matchShortcut(press('j', { isComposing: true }), shortcuts)).toBeUndefined();
  });
});

describe('keyLabel', () => {
  it('writes keys as people read them', () => {
    expect(keyLabel('ArrowLeft')).toBe('←');
    expect(keyLabel('ArrowRight')).toBe('→');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('?')).toBe('?');
  });
});
