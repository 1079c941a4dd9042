import type { StatusCondition } from '@worker-platform/plugin-worker-platform-common';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { formatAge } from '../../presentation/formatAge';
import { workerPlatformTranslationRef } from '../../translation';

/** Props of {@link ConditionList}. */
export interface ConditionListProps {
  conditions: StatusCondition[];
  now: number;
}

/** Kubernetes-style conditions as a definition list: type and status, then reason and message. */
export function ConditionList({ conditions, now }: ConditionListProps) {
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  if (conditions.length === 0) {
    return <span>{t('conditions.none')}</span>;
  }
  return (
    <dl>
      {/* KEDA's and the HPA's conditions may share a type, so the index keys them. */}
      {conditions.map((condition, index) => (
        <div key={`${condition.type}-${index}`}>
          <dt>
            <strong>{condition.type}</strong>
            {condition.status && ` = ${condition.status}`}
            {condition.reason && ` (${condition.reason})`}
            {condition.lastTransitionTime &&
              `, ${t('age.ago', {
                age: formatAge(condition.lastTransitionTime, now),
              })}`}
          </dt>
          {condition.message && <dd>{condition.message}</dd>}
        </div>
      ))}
    </dl>
  );
}
