import { parse } from 'yaml';
import { Finding } from '../types';
import { findingOf, ValidationRule } from '../ValidationRule';

const CONFIG_MAP = 'argocd-notifications-cm';
const SUBSCRIBE = /^notifications\.argoproj\.io\/subscribe\.(.+)\.([^.]+)$/;
/** A link to the ArgoCD UI that prints only when the context has one. */
const GUARDED_LINK =
  /\{\{-?\s*if\s+\.context\.argocdUrl\s*-?\}\}[\s\S]*?\{\{-?\s*end\s*-?\}\}/g;

function parsed(text: unknown): any {
  try {
    return typeof text === 'string' ? parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Applications' notification subscriptions name triggers and services
 * `argocd-notifications-cm` defines, Slack posts with a bot token (which
 * honours each subscription's channel), and templates link to the ArgoCD
 * UI only when its context gives the address.
 */
export const argocdNotificationsRule: ValidationRule = {
  id: 'cross-file/argocd-notifications',
  family: 'cross-file',
  why: 'ArgoCD notifications drop a subscription whose trigger or service is not configured, a Slack incoming webhook ignores the channel an Application subscribes with, and a template using .context.argocdUrl without it sends a broken link.',
  check(context) {
    const sources = context.sourceObjects();
    const configMaps = sources.filter(
      ({ object }) =>
        object.kind === 'ConfigMap' && object.metadata?.name === CONFIG_MAP,
    );
    const findings: Finding[] = [];
    for (const { doc, object } of configMaps) {
      const data = (object.data ?? {}) as Record<string, string>;
      const at = (key: string) => ({
        file: doc.file,
        line: doc.lineOf(['data', key]),
      });
      const slack = data['service.slack'];
      if (slack !== undefined && !parsed(slack)?.token) {
        findings.push(
          findingOf(
            argocdNotificationsRule,
            at('service.slack'),
            `${CONFIG_MAP} configures Slack without a bot token; ArgoCD's Slack service posts with token: (an incoming webhook posts only to the channel it was made for, not the one each Application subscribes with)`,
          ),
        );
      }
      const argocdUrl = parsed(data.context)?.argocdUrl;
      for (const [key, value] of Object.entries(data)) {
        if (key.startsWith('trigger.')) {
          const sends = ((parsed(value) ?? []) as { send?: string[] }[])
            .flatMap(condition => condition?.send ?? [])
            .filter(name => data[`template.${name}`] === undefined);
          if (sends.length > 0) {
            findings.push(
              findingOf(
                argocdNotificationsRule,
                at(key),
                `${key} sends ${sends.join(
                  ', ',
                )}, which ${CONFIG_MAP} does not define (template.${sends[0]})`,
              ),
            );
          }
        }
        if (
          key.startsWith('template.') &&
          !argocdUrl &&
          value.replace(GUARDED_LINK, '').includes('.context.argocdUrl')
        ) {
          findings.push(
            findingOf(
              argocdNotificationsRule,
              at(key),
              `${key} links to {{.context.argocdUrl}}, but ${CONFIG_MAP} sets no context.argocdUrl: set the spec's gitops.argocdUrl, or wrap the link in {{if .context.argocdUrl}}…{{end}}`,
            ),
          );
        }
      }
      for (const { doc: appDoc, object: app } of sources.filter(
        ({ object: o }) =>
          o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/'),
      )) {
        for (const [key, recipient] of Object.entries(
          app.metadata?.annotations ?? {},
        )) {
          const match = SUBSCRIBE.exec(key);
          if (!match) continue;
          const [, trigger, service] = match;
          const problems = [
            data[`trigger.${trigger}`] === undefined &&
              `${CONFIG_MAP} has no trigger.${trigger}`,
            data[`service.${service}`] === undefined &&
              `${CONFIG_MAP} has no service.${service}`,
            !String(recipient ?? '').trim() && 'it names no recipient',
          ].filter((p): p is string => Boolean(p));
          if (problems.length > 0) {
            findings.push(
              findingOf(
                argocdNotificationsRule,
                {
                  file: appDoc.file,
                  line: appDoc.lineOf(['metadata', 'annotations', key]),
                },
                `Application ${
                  app.metadata?.name
                } subscribes with ${key}, but ${problems.join(
                  ' and ',
                )}: ArgoCD never sends it`,
              ),
            );
          }
        }
      }
    }
    return findings;
  },
};
