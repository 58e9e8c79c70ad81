import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { entryOf } from '../../../types/entry';
import type { GridPage, StaffCard as Staff } from '../../../types/grid';
import type { GroupEntry } from '../../../types/groupChat';
import { AppealBar, AppealLinks } from '../../components/AppealBar';
import { DevDock } from '../../components/DevDock';
import { GridCard } from '../../components/GridCard';
import { GridRecordCard } from '../../components/GridRecordCard';
import { GridSkeleton } from '../../components/GridSkeleton';
import { BoundGroup, GroupEntryNotice, GroupProposals, useGroupBinding } from '../../components/GroupBinding';
import { GroupChatCard } from '../../components/GroupChatCard';
import { NoticeHeader, NoticeList } from '../../components/NoticeList';
import { StaffCard } from '../../components/StaffCard';
import { StationCard } from '../../components/StationCard';
import { UnknownGrid } from '../../components/UnknownGrid';
import { call, useCall } from '../../services/cloud';
import { isStaff, useMe } from '../../services/me';
import { useGroupEntry } from '../../services/groupEntry';
import { recentGrids, rememberGrid } from '../../services/recentGrids';
import { routes } from '../../services/routes';

/** scene / q / code → one grid code or the reason there is none (pure, see types/entry). */
function useGridEntry() {
  const params = (useRouter().params ?? {}) as Record<string, string | undefined>;
  const { scene, q, code } = params;
  return useMemo(() => entryOf('grid', { scene, q, code }), [scene, q, code]);
}

export default function GridPageView() {
  const entry = useGridEntry();
  const grid = useCall('grid', 'resolve', entry.ok ? { code: entry.code } : null);
  // A retired grid's code: where its residents go now ("前往 Y"), asked only after a NOT_FOUND.
  const successor = useCall('grid', 'successor', entry.ok && grid.error?.code === 'NOT_FOUND' ? { code: entry.code } : null);
  const [recent, setRecent] = useState(recentGrids);
  const groupEntry = useGroupEntry(entry.ok ? entry.code : null);

  useEffect(() => {
    // The card names the grid; its share ticket lets whoever opens it in a group name the group.
    if (process.env.TARO_ENV === 'weapp') Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined);
  }, []);
  useShareAppMessage(() => ({
    title: grid.data ? `${grid.data.grid.name} · 网格通` : '网格通',
    path: entry.ok ? routes.grid(entry.code) : routes.search(),
  }));

  useEffect(() => {
    if (grid.data) setRecent(rememberGrid({ code: grid.data.grid.code, name: grid.data.grid.name }));
  }, [grid.data]);

  let body;
  if (!entry.ok) {
    body = <UnknownGrid reason={entry.reason} recent={recent} />;
  } else if (grid.data) {
    body = <GridView page={grid.data} groupEntry={groupEntry} onChanged={grid.reload} />;
  } else if (grid.error?.code === 'NOT_FOUND') {
    body = <UnknownGrid reason="notFound" code={entry.code} message={grid.error.message} successor={successor.data} recent={recent} />;
  } else if (grid.error?.code === 'INVALID_INPUT') {
    body = <UnknownGrid reason="malformed" recent={recent} />;
  } else if (grid.error) {
    body = <UnknownGrid reason="error" message={grid.error.message} onRetry={grid.reload} recent={recent} />;
  } else {
    body = <GridSkeleton />;
  }

  return (
    <View className="page">
      {body}
      <DevDock />
    </View>
  );
}

function GridView({ page, groupEntry, onChanged }: { page: GridPage; groupEntry: GroupEntry | null; onChanged: () => void }) {
  const [calling, setCalling] = useState<string | null>(null);
  const { me } = useMe();
  const binding = useGroupBinding(page.canSetGroupChat ? { code: page.grid.code, name: page.grid.name } : null, groupEntry);

  const callStaff = async (staff: Staff) => {
    setCalling(staff.id);
    const res = await call('grid', 'callStaff', { code: page.grid.code, staffId: staff.id });
    setCalling(null);
    if (!res.ok) {
      Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    try {
      await Taro.makePhoneCall({ phoneNumber: res.data.phone });
    } catch {
      /* the resident cancelled the dialer */
    }
  };

  const hasTeam = page.chief !== null || page.workers.length > 0;
  return (
    <View>
      <GridCard page={page} />
      <GroupEntryNotice entry={groupEntry} />
      {binding && <GroupProposals control={binding} />}

      <Text className="section-title">为您服务</Text>
      {page.chief && (
        <StaffCard staff={page.chief} role="网格长" calling={calling === page.chief.id} onCall={callStaff} />
      )}
      {page.workers.map((w) => (
        <StaffCard key={w.id} staff={w} role="网格员" calling={calling === w.id} onCall={callStaff} />
      ))}
      {!hasTeam && (
        <View className="card">
          <Text className="muted">本网格的工作人员正在配备中</Text>
        </View>
      )}

      <GridRecordCard record={page.record} />

      {page.station && (
        <View>
          <Text className="section-title">党群服务站</Text>
          <StationCard station={page.station} />
        </View>
      )}

      <GroupChatCard page={page} onChanged={onChanged} bound={binding?.state?.binding ? <BoundGroup control={binding} /> : undefined} />

      <NoticeHeader gridCode={page.grid.code} staff={isStaff(me)} />
      <NoticeList notices={page.notices} />

      <Text className="section-title">我的事项</Text>
      <AppealLinks gridCode={page.grid.code} />

      <AppealBar gridCode={page.grid.code} />
    </View>
  );
}
