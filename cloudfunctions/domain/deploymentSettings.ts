import { TEMPLATE_KEYS } from '../../types/appeal';
import { assessmentPolicyOf } from './assessment';
import { streetSlaOf } from './slaPolicy';

/**
 * The `settings` documents a deployment writes through the `setup` function (`npm run deploy`):
 * `templates` (subscribe-message template ids by purpose, `types/appeal.ts` TEMPLATE_KEYS), the
 * city's `sla` and `assessment` and a street's `sla:<streetId>` / `assessment:<streetId>`, and
 * `deployment` (what was last uploaded: `{app: {version, fingerprint}}`). Anything else is no
 * deployment setting.
 */
export const DEPLOYMENT_SETTING_ID = /^(templates|deployment|(sla|assessment)(:[A-Za-z0-9_-]{1,20})?)$/;

/** A template id as the 订阅消息 console shows it: letters, digits, `_` and `-`. */
const TEMPLATE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** What is wrong with `value` as a template id, or null. */
export const templateIdProblem = (value: unknown): string | null => (typeof value === 'string' && TEMPLATE_ID.test(value) ? null : '模板 ID 应为 8–64 位字母、数字、_ 或 -');

function templateProblems(doc: Record<string, unknown>): string[] {
  return Object.entries(doc).flatMap(([key, value]) => {
    if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) return [`templates: 没有名为 ${key} 的订阅消息（应为 ${TEMPLATE_KEYS.join('、')}）`];
    const problem = templateIdProblem(value);
    return problem ? [`templates.${key}: ${problem}`] : [];
  });
}

function deploymentProblems(doc: Record<string, unknown>): string[] {
  const app = doc.app as Record<string, unknown> | undefined;
  const fits = Object.keys(doc).every((k) => k === 'app') && typeof app?.version === 'string' && typeof app?.fingerprint === 'string';
  return fits ? [] : ['deployment: 应为 {app: {version, fingerprint}}'];
}

/**
 * What is wrong with the documents `docs` (by `_id`), each problem naming its document and part;
 * empty when every one fits. SLA and assessment documents are read by the same functions the
 * clocks and the assessment use (`streetSlaOf`, `assessmentPolicyOf`), so what passes here is
 * what they will follow.
 */
export function deploymentSettingsProblems(docs: Record<string, Record<string, unknown>>): string[] {
  return Object.entries(docs).flatMap(([id, doc]) => {
    if (!DEPLOYMENT_SETTING_ID.test(id)) return [`${id}: 不是部署设置（templates、sla、sla:<街道>、assessment、assessment:<街道>）`];
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [`${id}: 应为对象`];
    if (id === 'templates') return templateProblems(doc);
    if (id === 'deployment') return deploymentProblems(doc);
    const stored = [{ ...doc, _id: id }];
    return id.startsWith('sla') ? streetSlaOf(stored).problems : assessmentPolicyOf(stored).problems;
  });
}
