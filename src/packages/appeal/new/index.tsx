import { routes } from '../../../services/routes';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Loading, PageFrame } from '../../../components/PageFrame';
import { AppealForm } from '../../../components/appeal/AppealForm';
import { useCall } from '../../../services/cloud';
import '../../../components/appeal/appeal.scss';

/** 反映问题: the appeal form for the grid whose code the grid page passed (`?code=`). */
export default function NewAppealPage() {
  const code = (useRouter().params ?? {}).code ?? '';
  const grid = useCall('grid', 'resolve', code ? { code } : null);

  let body;
  if (grid.data) body = <AppealForm grid={grid.data} />;
  else if (!code || grid.error) {
    body = (
      <View className="list-state">
        <Text>{grid.error?.message ?? '请先扫描网格公示牌上的二维码'}</Text>
        {grid.error && grid.error.code !== 'NOT_FOUND' && grid.error.code !== 'INVALID_INPUT' ? (
          <Button className="btn btn-outline btn-small list-state__retry" onClick={grid.reload}>
            重试
          </Button>
        ) : (
          <Button className="btn btn-outline btn-small list-state__retry" onClick={() => Taro.navigateTo({ url: routes.search() })}>
            按名称查找网格
          </Button>
        )}
      </View>
    );
  } else body = <Loading />;

  return <PageFrame>{body}</PageFrame>;
}
