export { PromotionMatrix } from './PromotionMatrix';
export type { PromotionMatrixProps } from './PromotionMatrix';
