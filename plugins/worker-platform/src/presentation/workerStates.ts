import type { WorkerState } from '@worker-platform/plugin-worker-platform-common';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import HelpOutline from '@material-ui/icons/HelpOutline';
import HourglassEmpty from '@material-ui/icons/HourglassEmpty';
import PauseCircleOutline from '@material-ui/icons/PauseCircleOutline';
import PlayCircleOutline from '@material-ui/icons/PlayCircleOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import VerticalAlignTop from '@material-ui/icons/VerticalAlignTop';
import type { Severity, StatusIcon } from './severity';

/** How a worker pool's state is shown: a word, a sentence, an icon and a colour. */
export interface WorkerStatePresentation {
  label: string;
  description: string;
  icon: StatusIcon;
  severity: Severity;
}

const presentations: Record<WorkerState, WorkerStatePresentation> = {
  idle: {
    label: 'Idle',
    description: 'Scaled to zero, waiting for work',
    icon: HourglassEmpty,
    severity: 'ok',
  },
  active: {
    label: 'Active',
    description: 'Working through a backlog, scaling between min and max',
    icon: PlayCircleOutline,
    severity: 'ok',
  },
  'at-max': {
    label: 'At max',
    description: 'At its replica ceiling; the backlog may grow',
    icon: VerticalAlignTop,
    severity: 'warning',
  },
  paused: {
    label: 'Paused',
    description: 'Autoscaling switched off by the KEDA paused annotation',
    icon: PauseCircleOutline,
    severity: 'info',
  },
  fallback: {
    label: 'Fallback',
    description: 'Triggers failing; KEDA holds the fallback replica count',
    icon: ReportProblemOutlined,
    severity: 'warning',
  },
  failing: {
    label: 'Failing',
    description:
      'A trigger or the ScaledObject is failing; the pool cannot scale',
    icon: ErrorOutline,
    severity: 'error',
  },
  unknown: {
    label: 'Unknown',
    description: 'KEDA has not reported a status for this pool yet',
    icon: HelpOutline,
    severity: 'unknown',
  },
};

/** The word, sentence, icon and colour for a worker pool state. */
export function presentWorkerState(
  state: WorkerState,
): WorkerStatePresentation {
  // The backend may learn a state before this frontend does; show it as unknown.
  return presentations[state] ?? presentations.unknown;
}
