import { actionsText } from './actionsText';

describe('actionsText', () => {
  it('leaves text without expressions alone', () => {
    expect(actionsText('deploys')).toBe('deploys');
  });

  it('turns every ${{ into an expression yielding the literal', () => {
    expect(actionsText('a ${{ secrets.X }} b ${{ y }}')).toBe(
      "a ${{ '${{' }} secrets.X }} b ${{ '${{' }} y }}",
    );
  });
});
