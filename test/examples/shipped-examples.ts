/**
 * The example workflows the repository ships (workflows/*.ts), each with its golden ASL in
 * test/examples/golden/. The example tests read this list, not the folder: a workflow a user adds
 * to workflows/ is theirs (its own tests, its own generated files) and never breaks `npm test`.
 * To ship a new example, add it here with its golden file.
 */
export const SHIPPED_EXAMPLES = [
  { name: 'AppDownload', module: 'age-check.ts', exportName: 'appDownload' },
  { name: 'BatchJobNotify', module: 'batch-job-notify.ts', exportName: 'batchJobNotify' },
  { name: 'CallbackExample', module: 'callback-example.ts', exportName: 'callbackExample' },
  { name: 'ContentBrowse', module: 'age-check.ts', exportName: 'contentBrowse' },
  { name: 'LotteryDraw', module: 'lottery-draw.ts', exportName: 'lotteryDraw' },
  { name: 'OrderPipeline', module: 'order-pipeline.ts', exportName: 'orderPipeline' },
] as const;

export type ShippedExampleName = (typeof SHIPPED_EXAMPLES)[number]['name'];
