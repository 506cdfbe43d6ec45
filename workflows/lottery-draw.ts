/**
 * The serverless lottery (AWS workshop "aws-serverless-lottery"): pick winners at random, redraw
 * while a winner already won a past draw, then notify the winners and record them in parallel.
 * Every step that can fail retries briefly and otherwise ends in the `Failed` state.
 */
import { z } from 'zod';
import { eq, fail, lambda, lambdaFunction, sns, workflow } from 'statecraft';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

interface Winner {
  id: number;
  name: string;
}
interface DrawBody {
  num_of_winners: number;
  winners?: Winner[];
}

const inputWinners = lambdaFunction<{ input: number }, { body: DrawBody }>()(`${FUNCTION_ARN}:Lottery-InputWinners`, {
  errors: ['CustomError'],
});
const randomSelectWinners = lambdaFunction<DrawBody, { body: DrawBody }>()(`${FUNCTION_ARN}:Lottery-RandomSelectWinners`);
const validateWinners = lambdaFunction<DrawBody, { status: number; body: DrawBody; sns: string }>()(
  `${FUNCTION_ARN}:Lottery-ValidateWinners`,
);
const recordWinners = lambdaFunction<DrawBody, { recorded: number }>()(`${FUNCTION_ARN}:Lottery-RecordWinners`);

const failed = fail('Failed');

export const lotteryDraw = workflow('LotteryDraw', {
  comment: 'A simple AWS Step Functions state machine that simulates the lottery session',
  input: z.object({ input: z.number().int().positive() }),
})
  .task('Input Lottery Winners', lambda.call(inputWinners))
  .catch(['CustomError'], failed)
  .catch(['States.ALL'], failed)
  .task('Random Select Winners', lambda.call(randomSelectWinners), { inputPath: (s) => s.body })
  .catch(['States.ALL'], failed)
  .retry(['States.ALL'], { intervalSeconds: 1, maxAttempts: 2 })
  .task('Validate Winners', lambda.call(validateWinners), { inputPath: (s) => s.body })
  .catch(['States.ALL'], failed)
  .retry(['States.ALL'], { intervalSeconds: 1, maxAttempts: 2 })
  .choice('Is Winner In Past Draw', (c) =>
    c
      .when(
        (s) => eq(s.status, 0),
        (b) =>
          b
            .parallel('Send SNS and Record In Dynamodb', [
              (branch) =>
                branch.task(
                  'Notify Winners',
                  sns.publish((s) => ({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:Lottery-Notification', Message: s.sns })),
                ),
              (branch) =>
                branch.task('Record Winner Queue', lambda.call(recordWinners), { inputPath: (s) => s.body, timeoutSeconds: 300 }),
            ])
            .catch(['States.ALL'], failed)
            .retry(['States.ALL'], { intervalSeconds: 1, maxAttempts: 2 }),
      )
      .when((s) => eq(s.status, 1), 'Random Select Winners'),
  );
