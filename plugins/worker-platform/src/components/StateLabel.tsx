import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import type { ComponentType, PropsWithChildren } from 'react';
import type { StatusKind } from '../presentation/statusKind';

const statusIndicators: Record<
  StatusKind,
  ComponentType<PropsWithChildren<{}>>
> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  running: StatusRunning,
  aborted: StatusAborted,
};

const useStyles = makeStyles(
  {
    // The indicator is a flex box; this keeps it inline next to other words.
    root: { display: 'inline-flex', whiteSpace: 'nowrap' },
  },
  { name: 'WorkerPlatformStateLabel' },
);

/** Props of {@link StateLabel}. */
export interface StateLabelProps {
  label: string;
  status: StatusKind;
  /** A longer explanation, shown on hover. */
  description?: string;
}

/**
 * A status as Backstage's status indicator and a word. The indicator's icon
 * and colour follow the status, but the word carries the meaning on its own.
 */
export function StateLabel({ label, status, description }: StateLabelProps) {
  const classes = useStyles();
  const Indicator = statusIndicators[status];
  return (
    <span className={classes.root} title={description}>
      {/* core-components hides the whole indicator, word included, from
          assistive technology and names it "Status ok"; here the word is the
          status, so it stays readable and names itself. */}
      <Indicator aria-hidden={undefined} aria-label={undefined}>
        {label}
      </Indicator>
    </span>
  );
}
