import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { Advice } from '../presentation/loadAdvice';

/** Props of {@link AdviceMessage}. */
export interface AdviceMessageProps {
  advice: Advice;
  severity: 'error' | 'warning' | 'info';
}

/** A problem the reader can act on: what happened and what to do. */
export function AdviceMessage({ advice, severity }: AdviceMessageProps) {
  return (
    <Alert severity={severity}>
      <AlertTitle>{advice.title}</AlertTitle>
      {advice.advice}
    </Alert>
  );
}
