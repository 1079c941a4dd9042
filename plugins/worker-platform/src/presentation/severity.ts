import type { SvgIconProps } from '@material-ui/core/SvgIcon';
import type { ComponentType } from 'react';

/**
 * How much a status should draw the eye. Every status is shown with a word and
 * an icon; the severity only picks the colour, so nothing relies on colour alone.
 */
export type Severity = 'ok' | 'info' | 'warning' | 'error' | 'unknown';

/** A Material UI icon, shown next to a status word. */
export type StatusIcon = ComponentType<SvgIconProps>;
