import { screening, unscreenedImages, type Checked, type Writing } from './contentPolicy';

describe('screening: one content-check policy for every text GridLink shows to others', () => {
  it.each<[Writing, Checked, boolean, 'publish' | 'hold']>([
    ['appeal', 'pass', false, 'publish'],
    ['appeal', 'review', false, 'hold'],
    ['appeal', 'unchecked', false, 'hold'],
    ['appeal', 'pass', true, 'hold'],
    ['staffWords', 'pass', false, 'publish'],
    ['staffWords', 'review', false, 'publish'],
    ['staffWords', 'unchecked', false, 'publish'],
    ['staffWords', 'pass', true, 'publish'],
    ['residentWords', 'review', false, 'publish'],
    ['residentWords', 'unchecked', false, 'publish'],
  ])('%s with text %s (an image unchecked: %s) → %s', (writing, text, imagesUnchecked, expected) => {
    expect(screening(writing, text, imagesUnchecked)).toBe(expected);
  });

  it.each<Writing>(['appeal', 'staffWords', 'residentWords'])('risky text is refused as CONTENT_RISKY in %s', (writing) => {
    expect(() => screening(writing, 'risky')).toThrow(expect.objectContaining({ code: 'CONTENT_RISKY' }));
  });
});

describe('unscreenedImages: an image that could not be sent to WeChat’s check', () => {
  it('holds a new appeal (screening decides), and lets it through when every image was sent', () => {
    expect(() => unscreenedImages('appeal', true)).not.toThrow();
    expect(screening('appeal', 'pass', true)).toBe('hold');
  });

  it.each<Writing>(['staffWords', 'residentWords'])('refuses %s images as CONFLICT: nothing could hide them later', (writing) => {
    expect(() => unscreenedImages(writing, true)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => unscreenedImages(writing, false)).not.toThrow();
  });
});
