/**
 * A stand-in for `@tarojs/components` in jsdom component tests: each Taro component becomes the
 * plain element it renders as in H5, keeping only the props the DOM understands.
 */
import { createElement, type CSSProperties, type ReactNode } from 'react';

type TaroEvent<T = Record<string, unknown>> = { detail: T; target?: unknown; currentTarget?: unknown };
type Common = {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties | string;
  id?: string;
  onClick?: (e: unknown) => void;
  [key: string]: unknown;
};

function domProps(p: Common): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.className) out.className = p.className;
  if (p.id) out.id = p.id;
  if (p.style && typeof p.style === 'object') out.style = p.style;
  if (p.onClick) out.onClick = p.onClick;
  for (const k of Object.keys(p)) {
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') out[k] = p[k];
  }
  return out;
}

const element = (tag: string) =>
  function TaroStub(p: Common) {
    return createElement(tag, domProps(p), p.children);
  };

export const View = element('div');
export const ScrollView = element('div');
export const Swiper = element('div');
export const SwiperItem = element('div');
export const Form = element('form');
export const Label = element('label');
export const Text = element('span');
export const RichText = element('div');
export const Navigator = element('a');

export function Image(p: Common & { src?: string; mode?: string; showMenuByLongpress?: boolean }) {
  const longpress = p.showMenuByLongpress ? { 'data-show-menu-by-longpress': 'true' } : {};
  return createElement('img', { ...domProps(p), ...longpress, src: p.src, alt: '' });
}

export function Button(p: Common & { disabled?: boolean; loading?: boolean; formType?: string }) {
  return createElement('button', { ...domProps(p), type: 'button', disabled: !!p.disabled }, p.children);
}

export function Input(
  p: Common & {
    value?: string;
    placeholder?: string;
    maxlength?: number;
    disabled?: boolean;
    onInput?: (e: TaroEvent<{ value: string }>) => void;
    onConfirm?: (e: TaroEvent<{ value: string }>) => void;
  },
) {
  return createElement('input', {
    ...domProps(p),
    value: p.value ?? '',
    placeholder: p.placeholder,
    maxLength: p.maxlength,
    disabled: p.disabled,
    // A real input (WeChat's and a browser's) never holds more than maxlength: a longer paste is cut.
    onChange: (e: { target: { value: string } }) => p.onInput?.({ detail: { value: p.maxlength && p.maxlength > 0 ? e.target.value.slice(0, p.maxlength) : e.target.value } }),
    onKeyDown: (e: { key: string; currentTarget: { value: string } }) => {
      if (e.key === 'Enter') p.onConfirm?.({ detail: { value: e.currentTarget.value } });
    },
  });
}

export function Textarea(p: Common & { value?: string; placeholder?: string; onInput?: (e: TaroEvent<{ value: string }>) => void }) {
  return createElement('textarea', {
    ...domProps(p),
    value: p.value ?? '',
    placeholder: p.placeholder,
    onChange: (e: { target: { value: string } }) => p.onInput?.({ detail: { value: e.target.value } }),
  });
}

export function Switch(p: Common & { checked?: boolean; disabled?: boolean; onChange?: (e: TaroEvent<{ value: boolean }>) => void }) {
  return createElement('input', {
    ...domProps(p),
    type: 'checkbox',
    role: 'switch',
    checked: !!p.checked,
    disabled: p.disabled,
    onChange: (e: { target: { checked: boolean } }) => p.onChange?.({ detail: { value: e.target.checked } }),
  });
}
