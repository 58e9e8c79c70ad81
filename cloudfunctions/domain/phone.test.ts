import { maskPhone } from './phone';

describe('maskPhone', () => {
  it.each([
    ['a mobile number', '13805371037', '138****1037'],
    ['a mobile number with spaces', '138 0537 1037', '138****1037'],
    ['a landline with area code', '0537-5212345', '0537-***2345'],
    ['something too short to show', '12345', '****'],
  ])('%s', (_, phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never contains the middle digits of a mobile number', () => {
    expect(maskPhone('13912345678')).not.toContain('1234');
  });
});
