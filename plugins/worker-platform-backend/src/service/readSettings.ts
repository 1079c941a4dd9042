import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  DEFAULT_QUEUE_DEPTH_SETTINGS,
  QueueDepthSettings,
} from '../queueDepth/QueueDepthPoller';

function positive(
  config: Config,
  key: string,
  fallback: number,
  scale: number,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!(value > 0)) {
    throw new Error(
      `workerPlatform.${key}: must be a positive number, got ${value}`,
    );
  }
  return value * scale;
}

// A duration as Backstage reads them ({ seconds: 10 }, 'PT10S', '10s').
function refreshInterval(settings: Config): number {
  const ms = durationToMilliseconds(
    readDurationFromConfig(settings, { key: 'queueDepth.refreshInterval' }),
  );
  if (!(ms > 0)) {
    throw new Error(
      `workerPlatform.queueDepth.refreshInterval: must be a positive duration, got ${ms} ms`,
    );
  }
  return ms;
}

/** Reads `workerPlatform.queueDepth`; throws naming the key for a bad value. */
export function readQueueDepthSettings(config: Config): QueueDepthSettings {
  const settings = config.getOptionalConfig('workerPlatform') ?? undefined;
  if (!settings) return DEFAULT_QUEUE_DEPTH_SETTINGS;
  const defaults = DEFAULT_QUEUE_DEPTH_SETTINGS;
  return {
    refreshIntervalMs: settings.has('queueDepth.refreshInterval')
      ? refreshInterval(settings)
      : positive(
          settings,
          'queueDepth.refreshIntervalSeconds',
          defaults.refreshIntervalMs,
          1000,
        ),
    concurrency: Math.ceil(
      positive(settings, 'queueDepth.concurrency', defaults.concurrency, 1),
    ),
    interestWindowMs: positive(
      settings,
      'queueDepth.interestWindowMinutes',
      defaults.interestWindowMs,
      60_000,
    ),
  };
}

/** Reads `workerPlatform.operations.productionEnvironments`; `[production]` by default. */
export function readProductionEnvironments(config: Config): string[] {
  return (
    config.getOptionalStringArray(
      'workerPlatform.operations.productionEnvironments',
    ) ?? ['production']
  );
}
