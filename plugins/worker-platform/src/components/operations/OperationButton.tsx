import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import {
  environmentResourceRef,
  permissionForOperation,
  type DeployOperationRequest,
  type DeployOperationResult,
} from '@worker-platform/plugin-worker-platform-common';
import { useState, type ReactNode } from 'react';
import { workerPlatformApiRef } from '../../api';
import type { OperationWording } from '../../presentation/operations';
import { workerPlatformTranslationRef } from '../../translation';

/** Props of {@link OperationButton}. */
export interface OperationButtonProps {
  entity: Entity;
  request: DeployOperationRequest;
  wording: OperationWording;
  /** Whether the environment is production: the dialog says so loudly. */
  production: boolean;
  /** Extra inputs in the dialog (e.g. a replica count). */
  children?: ReactNode;
}

type Outcome =
  | { kind: 'done'; result: DeployOperationResult }
  | { kind: 'failed'; message: string };

function messageOf(error: unknown): string {
  if (ResponseError.is(error as Error)) {
    return (error as ResponseError).body.error.message;
  }
  return (error as Error)?.message ?? String(error);
}

/**
 * A button for one operation, shown only to users the permission policy
 * allows it in this environment; it asks for confirmation with exactly what
 * will happen and where, then shows the result or the cluster's refusal.
 * What follows (sync progress, the pool's new state) arrives with the page's
 * next status push.
 */
export function OperationButton({
  entity,
  request,
  wording,
  production,
  children,
}: OperationButtonProps) {
  const api = useApi(workerPlatformApiRef);
  const { t } = useTranslationRef(workerPlatformTranslationRef);
  const entityRef = stringifyEntityRef(entity);
  const { allowed } = usePermission({
    permission: permissionForOperation(request.operation),
    resourceRef: environmentResourceRef(entityRef, request.environment),
  });
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  if (!allowed) return null;

  const confirm = async () => {
    setRunning(true);
    try {
      const result = await api.runOperation(
        {
          kind: entity.kind.toLocaleLowerCase('en-US'),
          namespace: entity.metadata.namespace ?? 'default',
          name: entity.metadata.name,
        },
        request,
      );
      setOutcome({ kind: 'done', result });
    } catch (error) {
      setOutcome({ kind: 'failed', message: messageOf(error) });
    } finally {
      setRunning(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color={production ? 'secondary' : 'primary'}
        onClick={() => {
          setOutcome(undefined);
          setOpen(true);
        }}
      >
        {wording.label}
      </Button>
      {outcome && (
        <Box
          mt={1}
          width="100%"
          role="status"
          aria-label={t('operations.resultLabel', { operation: wording.label })}
        >
          {outcome.kind === 'done' ? (
            <Alert
              severity={outcome.result.autoSyncDisabled ? 'warning' : 'success'}
            >
              {outcome.result.message}
            </Alert>
          ) : (
            <Alert severity="error">{outcome.message}</Alert>
          )}
        </Box>
      )}
      <Dialog
        open={open}
        onClose={() => !running && setOpen(false)}
        aria-labelledby={`${wording.title}-title`}
      >
        <DialogTitle id={`${wording.title}-title`}>{wording.title}</DialogTitle>
        <DialogContent>
          {production && (
            <Box mb={2}>
              <Alert severity="warning">
                {t('operations.productionWarning', {
                  environment: request.environment,
                })}
              </Alert>
            </Box>
          )}
          <DialogContentText>{wording.details}</DialogContentText>
          <DialogContentText>{wording.where}</DialogContentText>
          {children}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={running}>
            {t('operations.cancel')}
          </Button>
          <Button
            onClick={confirm}
            disabled={running}
            color={production ? 'secondary' : 'primary'}
            variant="contained"
          >
            {running ? t('operations.working') : wording.label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
