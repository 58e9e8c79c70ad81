import Taro from '@tarojs/taro';
import { Canvas, View } from '@tarojs/components';
import { useEffect, useRef } from 'react';
import { echarts, type ChartInstance, type ChartOption } from './echarts';

type Props = {
  /** Unique on the page: the canvas (weapp) or element (H5) is found by it. */
  id: string;
  option: ChartOption;
  /** In px. */
  height: number;
};

/**
 * One ECharts chart: on a `<Canvas type="2d">` in the mini-program, on a plain element in H5.
 * A new `option` replaces the drawn one.
 */
export function Chart(props: Props) {
  return process.env.TARO_ENV === 'weapp' ? <CanvasChart {...props} /> : <ElementChart {...props} />;
}

/** Redraws whenever `option` changes, once the chart exists. */
function useOption(chart: { current: ChartInstance | null }, option: ChartOption) {
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [chart, option]);
}

function ElementChart({ id, option, height }: Props) {
  const chart = useRef<ChartInstance | null>(null);
  useEffect(() => {
    const element = document.getElementById(id);
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [id]);
  useOption(chart, option);
  return <View id={id} className="chart" style={{ height: `${height}px` }} />;
}

type CanvasNode = { width: number; height: number; getContext: (kind: '2d') => unknown };
type TouchPoint = { x: number; y: number };
type CanvasTouch = { touches: TouchPoint[]; changedTouches: TouchPoint[] };

/** What echarts needs of a canvas in the mini-program, as its own WeChat component hands it over. */
function canvasFor(node: CanvasNode) {
  return {
    getContext: (kind: '2d') => node.getContext(kind),
    get width() {
      return node.width;
    },
    set width(w: number) {
      node.width = w;
    },
    get height() {
      return node.height;
    },
    set height(h: number) {
      node.height = h;
    },
    addEventListener() {},
    attachEvent() {},
    detachEvent() {},
  };
}

function CanvasChart({ id, option, height }: Props) {
  const chart = useRef<ChartInstance | null>(null);
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let gone = false;
    Taro.nextTick(() =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec(([found]: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          if (gone || !found?.node) return;
          const canvas = canvasFor(found.node);
          const devicePixelRatio = Taro.getWindowInfo().pixelRatio;
          canvas.width = found.width * devicePixelRatio;
          canvas.height = found.height * devicePixelRatio;
          echarts.setPlatformAPI({ createCanvas: () => canvas as unknown as HTMLCanvasElement });
          const instance = echarts.init(canvas as unknown as HTMLElement, null, { width: found.width, height: found.height, devicePixelRatio });
          instance.setOption(latest.current);
          chart.current = instance;
        }),
    );
    return () => {
      gone = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [id]);
  useOption(chart, option);

  // Touches reach echarts as its own WeChat component forwards them: as mouse events at the touch.
  const forward = (types: Array<'mousedown' | 'mousemove' | 'mouseup' | 'click'>, point: TouchPoint | undefined) => {
    const handler = chart.current?.getZr().handler;
    if (!handler || !point) return;
    const event = { zrX: point.x, zrY: point.y, preventDefault() {}, stopImmediatePropagation() {}, stopPropagation() {} };
    for (const type of types) handler.dispatch(type, event);
  };
  return (
    <Canvas
      type="2d"
      id={id}
      className="chart"
      style={{ height: `${height}px` }}
      onTouchStart={(e) => forward(['mousedown', 'mousemove'], (e as unknown as CanvasTouch).touches[0])}
      onTouchMove={(e) => forward(['mousemove'], (e as unknown as CanvasTouch).touches[0])}
      onTouchEnd={(e) => forward(['mouseup', 'click'], (e as unknown as CanvasTouch).changedTouches[0])}
    />
  );
}
