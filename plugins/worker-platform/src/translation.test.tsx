import {
  translationApiRef,
  type TranslationApi,
} from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { workerPlatformTranslationRef } from './alpha';
import { PoolTimelines } from './components/ScalingTimeline';

/** The app's translation API after it replaced some of this plugin's messages. */
function translationsReplacing(messages: Record<string, string>) {
  const defaults = mockApis.translation();
  const api: TranslationApi = {
    getTranslation: ref => {
      const snapshot = defaults.getTranslation(ref);
      if (ref.id !== workerPlatformTranslationRef.id) {
        return snapshot;
      }
      const t = ((key: string, options?: object) =>
        messages[key] ??
        (snapshot.t as (k: string, o?: object) => string)(
          key,
          options,
        )) as typeof snapshot.t;
      return { ...snapshot, t };
    },
    translation$: ref => defaults.translation$(ref),
  };
  return api;
}

describe('workerPlatformTranslationRef', () => {
  it('is the worker-platform namespace apps translate', () => {
    expect(workerPlatformTranslationRef.id).toBe('worker-platform');
  });

  it("gives the views the app's words in place of the defaults", async () => {
    await renderInTestApp(<PoolTimelines now={0} minutes={60} />, {
      apis: [
        [
          translationApiRef,
          translationsReplacing({
            'environment.noScalingHistory':
              'Für diese Umgebung ist noch kein Skalierungsverlauf aufgezeichnet.',
          }),
        ],
      ],
    });

    expect(
      screen.getByText(
        'Für diese Umgebung ist noch kein Skalierungsverlauf aufgezeichnet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(
        'No scaling history recorded for this environment yet.',
      ),
    ).toBeNull();
  });
});
