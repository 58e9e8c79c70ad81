import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Failure } from '../../../../types/envelope';
import { REGISTRY_COLUMNS, REGISTRY_MAX_BYTES, type CommunityRef, type ImportReport } from '../../../../types/registry';
import { cleanText } from '../../../../types/typed';
import { PageFrame } from '../../../components/PageFrame';
import { call } from '../../../services/cloud';
import { useMe } from '../../../services/me';
import { pickSheet, uploadSheet, type PickedSheet } from '../../../services/sheetFile';
import '../registry.scss';

/** 导入网格台账: street staff check a sheet first (nothing written), then import it. */
export default function RegistryImportPage() {
  const { me, error } = useMe();
  let body;
  if (error) body = <Text className="registry-state">{error.message}</Text>;
  else if (!me) body = <Text className="registry-state">正在加载…</Text>;
  else if (me.role !== 'street') body = <Text className="registry-state">只有街道工作人员可以导入网格台账</Text>;
  else body = <ImportFlow />;
  return <PageFrame className="registry-page">{body}</PageFrame>;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'refused'; failure: Failure }
  | { kind: 'checked'; fileID: string; report: ImportReport }
  | { kind: 'imported'; report: ImportReport };

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function ImportFlow() {
  const [sheet, setSheet] = useState<PickedSheet | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const busy = step.kind === 'busy';

  const choose = async () => {
    if (busy) return;
    const picked = await pickSheet();
    if (!picked) return;
    setSheet(picked);
    if (picked.size > REGISTRY_MAX_BYTES) {
      setStep({ kind: 'refused', failure: { ok: false, code: 'INVALID_INPUT', message: '表格文件超过 10 MB，请拆分后分批导入' } });
      return;
    }
    setStep({ kind: 'busy', label: '正在上传并检查表格…' });
    const uploaded = await uploadSheet(picked);
    if (!uploaded.ok) return setStep({ kind: 'refused', failure: uploaded });
    const checked = await call('registry', 'import', { fileID: uploaded.data.fileID, dryRun: true });
    setStep(checked.ok ? { kind: 'checked', fileID: uploaded.data.fileID, report: checked.data } : { kind: 'refused', failure: checked });
  };

  const confirm = async () => {
    if (step.kind !== 'checked') return;
    const { fileID } = step;
    setStep({ kind: 'busy', label: '正在导入…' });
    const imported = await call('registry', 'import', { fileID, dryRun: false });
    if (!imported.ok) return setStep({ kind: 'refused', failure: imported });
    setStep({ kind: 'imported', report: imported.data });
    Taro.showToast({ title: '导入完成', icon: 'success' });
  };

  return (
    <View>
      <View className="card registry-intro">
        <Text className="registry-intro__title">按台账批量建立、更新网格</Text>
        <Text className="registry-intro__line">先检查整张表，无误后才会导入；有任何一行出错，一个网格也不会写入。</Text>
        <Text className="registry-intro__line">已有网格按「网格编码」更新；编码留空的按社区内网格名称匹配，找不到则新建并自动编号。</Text>
        <View className="registry-columns">
          {REGISTRY_COLUMNS.map((c) => (
            <Text key={c.key} className={`registry-columns__col${c.required ? ' registry-columns__col--required' : ''}`}>
              {c.header}
            </Text>
          ))}
        </View>
        <Text className="registry-intro__hint">标红为必填列。{process.env.TARO_ENV === 'weapp' ? '请先把表格发到微信聊天中，再从聊天里选择。' : ''}</Text>
      </View>

      {sheet && (
        <View className="card registry-file">
          <Text className="registry-file__name">{sheet.name}</Text>
          <Text className="registry-file__size">{kb(sheet.size)}</Text>
        </View>
      )}

      {step.kind === 'busy' && <Text className="registry-state">{step.label}</Text>}
      {step.kind === 'refused' && <Refusal failure={step.failure} />}
      {step.kind === 'checked' && <Summary report={step.report} />}
      {step.kind === 'imported' && <Imported report={step.report} />}

      <View className="registry-bar">
        {step.kind === 'checked' && step.report.created + step.report.updated > 0 ? (
          <View className="registry-bar__row">
            <Button className="btn btn-outline registry-bar__btn" onClick={choose}>
              换一个文件
            </Button>
            <Button className="btn btn-primary registry-bar__btn" onClick={confirm}>
              确认导入
            </Button>
          </View>
        ) : (
          <Button className="btn btn-primary registry-bar__btn" disabled={busy} loading={busy} onClick={choose}>
            {step.kind === 'idle' ? '选择台账文件（.xlsx / .csv）' : '选择其他文件'}
          </Button>
        )}
      </View>
    </View>
  );
}

function Refusal({ failure }: { failure: Failure }) {
  const problems = failure.problems ?? [];
  return (
    <View className="card registry-refusal" role="alert">
      <Text className="registry-refusal__title">{problems.length ? `表格有 ${problems.length} 处问题，本次没有导入任何网格` : failure.message}</Text>
      {problems.map((p, i) => (
        <View key={i} className="registry-problem">
          <Text className="registry-problem__where">
            {p.row ? `第 ${p.row} 行` : '表格'}
            {p.column ? ` · ${p.column}` : ''}
          </Text>
          <Text className="registry-problem__message">{p.message}</Text>
        </View>
      ))}
      {problems.length > 0 && <Text className="registry-refusal__hint">请在表格中改正以上各处，再重新选择文件。</Text>}
    </View>
  );
}

const CHANGE_LABELS = { created: '新建', updated: '更新', unchanged: '未变' } as const;
/** A city's sheet has ~1,410 rows; the page lists what changes, and only so many of those. */
const ROWS_LISTED = 100;

function Counts({ report }: { report: ImportReport }) {
  return (
    <View className="registry-counts">
      {(['created', 'updated', 'unchanged'] as const).map((change) => (
        <View key={change} className={`registry-counts__cell registry-counts__cell--${change}`}>
          <Text className="registry-counts__n">{report[change]}</Text>
          <Text className="registry-counts__label">{CHANGE_LABELS[change]}</Text>
        </View>
      ))}
    </View>
  );
}

function GridRows({ report, title }: { report: ImportReport; title: string }) {
  const changed = report.grids.filter((g) => g.change !== 'unchanged');
  if (!changed.length) return null;
  return (
    <View className="registry-rows">
      <Text className="registry-rows__title">{title}</Text>
      {changed.slice(0, ROWS_LISTED).map((g) => (
        <View key={g.row} className="registry-row">
          <Text className="registry-row__no">第 {g.row} 行</Text>
          <Text className="registry-row__code">{g.code}</Text>
          <Text className="registry-row__name">{g.name}</Text>
          <Text className={`registry-row__change registry-row__change--${g.change}`}>{CHANGE_LABELS[g.change]}</Text>
        </View>
      ))}
      {changed.length > ROWS_LISTED && <Text className="registry-rows__more">另有 {changed.length - ROWS_LISTED} 行变动未列出</Text>}
    </View>
  );
}

/** Which worksheet and header row the cloud read, so a person sees that title rows and other sheets were skipped. */
function Source({ report }: { report: ImportReport }) {
  const sheet = report.sheet === null ? 'CSV 表格' : `工作表「${report.sheet}」`;
  return (
    <Text className="registry-summary__line">
      读取：{sheet}，第 {report.headerRow} 行为表头
    </Text>
  );
}

/** Names that look the same (they differ in invisible or full-width characters) are told apart by id. */
function moveLabel(from: CommunityRef, to: CommunityRef) {
  const alike = cleanText(from.name) === cleanText(to.name);
  const label = (c: CommunityRef) => (alike ? `${c.name}（${c.id}）` : c.name);
  return `${label(from)} → ${label(to)}`;
}

/** Existing grids the sheet puts in another community: listed apart, as they change what residents and staff see. */
function Moves({ report, title }: { report: ImportReport; title: (count: number) => string }) {
  const moved = report.grids.filter((g) => g.move);
  if (!moved.length) return null;
  return (
    <View className="registry-rows registry-moves">
      <Text className="registry-rows__title registry-moves__title">{title(moved.length)}</Text>
      {moved.slice(0, ROWS_LISTED).map((g) => (
        <View key={g.row} className="registry-row">
          <Text className="registry-row__no">第 {g.row} 行</Text>
          <Text className="registry-row__code">{g.code}</Text>
          <Text className="registry-row__name">
            {g.name}：{moveLabel(g.move!.from, g.move!.to)}
          </Text>
        </View>
      ))}
      {moved.length > ROWS_LISTED && <Text className="registry-rows__more">另有 {moved.length - ROWS_LISTED} 个网格换社区未列出</Text>}
    </View>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const nothing = report.created + report.updated === 0;
  return (
    <View className="card registry-summary">
      <Text className="registry-summary__title">检查通过：共 {report.rows} 行{nothing ? '，与现有台账一致，无需导入' : ''}</Text>
      <Counts report={report} />
      <Source report={report} />
      {report.communitiesCreated.length > 0 && <Text className="registry-summary__line">将新建社区：{report.communitiesCreated.join('、')}</Text>}
      <Moves report={report} title={(n) => `有 ${n} 个网格将换到其他社区，请核对`} />
      <GridRows report={report} title="将要变动的网格" />
    </View>
  );
}

function Imported({ report }: { report: ImportReport }) {
  const created = report.grids.filter((g) => g.change === 'created');
  const copyCodes = () =>
    Taro.setClipboardData({ data: ['行号\t网格编码\t网格名称', ...created.map((g) => `${g.row}\t${g.code}\t${g.name}`)].join('\n') });
  return (
    <View className="card registry-summary registry-summary--done">
      <Text className="registry-summary__title">导入完成</Text>
      <Counts report={report} />
      {report.communitiesCreated.length > 0 && <Text className="registry-summary__line">已新建社区：{report.communitiesCreated.join('、')}</Text>}
      <Moves report={report} title={(n) => `${n} 个网格已换到其他社区`} />
      <GridRows report={report} title={created.length ? '新网格已编码，请把编码填回台账' : '已更新的网格'} />
      {created.length > 0 && (
        <Button className="btn btn-outline btn-small registry-summary__copy" onClick={copyCodes}>
          复制新网格编码
        </Button>
      )}
    </View>
  );
}
