import { screening, type Checked, type Writing } from './contentPolicy';

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
