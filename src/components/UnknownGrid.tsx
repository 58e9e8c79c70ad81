import { routes } from '../services/routes';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { GridSuccessor } from '../../types/grid';
import type { RecentGrid } from '../services/recentGrids';
import { RecentGridList } from './RecentGridList';
import './UnknownGrid.scss';

export type UnknownGridProps =
  | { reason: 'missing' | 'malformed'; recent: RecentGrid[] }
  /** `message`: the cloud's own words (a retired grid is named as such); `successor`: where it went. */
  | { reason: 'notFound'; code: string; message?: string; successor?: GridSuccessor; recent: RecentGrid[] }
  | { reason: 'error'; message: string; onRetry: () => void; recent: RecentGrid[] };

function words(p: UnknownGridProps): { title: string; hint: string } {
  switch (p.reason) {
    case 'notFound':
      if (p.successor) {
        return { title: p.message ?? `网格 ${p.code} 已并入 ${p.successor.code}`, hint: `请前往 ${p.successor.name} 查看网格长、通知或反映问题。` };
      }
      return {
        title: p.message ?? `没有找到网格码 ${p.code} 对应的网格`,
        hint: '这个网格码可能已经停用，或者公示牌有误。您可以按名称查找所在的网格。',
      };
    case 'malformed':
      return {
        title: '二维码内容无法识别',
        hint: '请确认扫描的是社区网格公示牌上的二维码，或按名称查找所在的网格。',
      };
    case 'missing':
      return {
        title: '请扫描网格公示牌上的二维码',
        hint: '也可以按名称查找您所在的网格。',
      };
    case 'error':
      return { title: p.message, hint: '网格信息暂时没有加载出来。' };
  }
}

/** The grid page when there is no grid to show, always with a way on. */
export function UnknownGrid(props: UnknownGridProps) {
  const { title, hint } = words(props);
  const recent = props.reason === 'notFound' ? props.recent.filter((g) => g.code !== props.code) : props.recent;
  return (
    <View>
      <View className="card unknown-grid">
        <Text className="unknown-grid__icon">{props.reason === 'error' ? '!' : '?'}</Text>
        <Text className="unknown-grid__title">{title}</Text>
        <Text className="unknown-grid__hint">{hint}</Text>
        {props.reason === 'notFound' && props.successor && (
          <Button
            className="btn btn-primary unknown-grid__btn"
            onClick={() => Taro.redirectTo({ url: routes.grid(props.successor!.code) })}
          >
            {`前往 ${props.successor.name}`}
          </Button>
        )}
        {props.reason === 'error' && (
          <Button className="btn btn-outline unknown-grid__btn" onClick={props.onRetry}>
            重试
          </Button>
        )}
        <Button className="btn btn-primary unknown-grid__btn" onClick={() => Taro.navigateTo({ url: routes.search() })}>
          按名称查找网格
        </Button>
      </View>
      <RecentGridList grids={recent} title="我看过的网格" />
    </View>
  );
}
