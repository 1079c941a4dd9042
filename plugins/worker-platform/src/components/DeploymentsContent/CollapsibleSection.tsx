import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { ReactNode, useId, useState } from 'react';

/** Props of {@link CollapsibleSection}. */
export interface CollapsibleSectionProps {
  title: string;
  children: ReactNode;
  /** Open at first; true by default. */
  defaultOpen?: boolean;
}

const useStyles = makeStyles(theme => ({
  heading: { margin: theme.spacing(1, 0, 0) },
  toggle: {
    textTransform: 'none',
    font: 'inherit',
    padding: theme.spacing(0, 0.5),
    marginLeft: theme.spacing(-0.5),
  },
  // Content lays itself out for a narrow column (the worker pools as cards);
  // scrolling sideways is only the last resort for what still does not fit.
  body: { overflowX: 'auto' },
}));

/**
 * A heading whose button shows or hides what follows (the disclosure
 * pattern: the button sits inside the heading and carries aria-expanded).
 */
export function CollapsibleSection({
  title,
  children,
  defaultOpen = true,
}: CollapsibleSectionProps) {
  const classes = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <>
      <Typography variant="h6" component="h3" className={classes.heading}>
        <Button
          className={classes.toggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(value => !value)}
          endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        >
          {title}
        </Button>
      </Typography>
      <Collapse in={open}>
        <div id={bodyId} className={classes.body}>
          {children}
        </div>
      </Collapse>
    </>
  );
}
