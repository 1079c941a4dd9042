import { makeStyles } from '@material-ui/core/styles';
import type { Severity, StatusIcon } from '../presentation/severity';

const useStyles = makeStyles(
  theme => ({
    root: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      fontWeight: theme.typography.fontWeightMedium as number,
      whiteSpace: 'nowrap',
    },
    ok: { color: theme.palette.status.ok },
    info: { color: theme.palette.info.main },
    warning: { color: theme.palette.status.warning },
    error: { color: theme.palette.status.error },
    unknown: { color: theme.palette.text.secondary },
  }),
  { name: 'WorkerPlatformStateLabel' },
);

/** Props of {@link StateLabel}. */
export interface StateLabelProps {
  label: string;
  icon: StatusIcon;
  severity: Severity;
  /** A longer explanation, shown on hover. */
  description?: string;
}

/**
 * A status as an icon and a word. The colour follows the severity, but the
 * word and icon carry the meaning on their own.
 */
export function StateLabel(props: StateLabelProps) {
  const { label, icon: Icon, severity, description } = props;
  const classes = useStyles();
  return (
    <span className={classes.root} title={description}>
      <Icon className={classes[severity]} fontSize="small" aria-hidden />
      <span>{label}</span>
    </span>
  );
}
