import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { StateLabel } from './StateLabel';

describe('StateLabel', () => {
  it.each([
    ['ok', 'status-ok'],
    ['warning', 'status-warning'],
    ['error', 'status-error'],
    ['pending', 'status-pending'],
    ['running', 'status-running'],
    ['aborted', 'status-aborted'],
  ] as const)(
    'shows %s with Backstage’s %s indicator',
    async (status, testId) => {
      await renderInTestApp(<StateLabel label="Degraded" status={status} />);

      expect(screen.getByTestId(testId)).toBeInTheDocument();
      expect(screen.getByText('Degraded')).toBeInTheDocument();
    },
  );

  it('keeps the word readable by assistive technology', async () => {
    await renderInTestApp(<StateLabel label="Degraded" status="error" />);

    const word = screen.getByText('Degraded');
    expect(word.closest('[aria-hidden="true"]')).toBeNull();
    expect(word).not.toHaveAttribute('aria-label');
  });

  it('explains the status on hover', async () => {
    await renderInTestApp(
      <StateLabel
        label="At max"
        status="warning"
        description="At its replica ceiling; the backlog may grow"
      />,
    );

    expect(
      screen.getByTitle('At its replica ceiling; the backlog may grow'),
    ).toHaveTextContent('At max');
  });
});
