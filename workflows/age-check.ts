/**
 * Two workflows sharing one activity, `ageCheck`: a worker polls GetActivityTask, checks the age
 * and answers with SendTaskSuccess or SendTaskFailure. A failed check ends in `Failure`; the
 * worker's error is kept under `error-info` in the state's input (ResultPath) for the history.
 */
import { activity, fail, lambda, lambdaFunction, runActivity, workflow } from 'statecraft';

interface AgeCheckInput {
  age: number;
  workflow: string;
}

/** One activity, used by both workflows below (its workers serve both). */
export const ageCheck = activity<AgeCheckInput, { type: string; message: string }>()(
  'arn:aws:states:us-east-1:123456789012:activity:ageCheck',
);

const failure = fail('Failure', { error: 'CheckFailed', cause: 'Invalid response.' });

export const contentBrowse = workflow('ContentBrowse', {
  comment: 'Lets a viewer browse age-restricted content once the ageCheck activity worker approves them.',
  timeoutSeconds: 300,
})
  .task('Check Age', runActivity(ageCheck))
  .catch(['States.ALL'], failure, { resultPath: 'error-info' })
  .succeed('Success');

const startAppDownload = lambdaFunction<AgeCheckInput, { downloadUrl: string }>()(
  'arn:aws:lambda:us-east-1:123456789012:function:StartAppDownload',
);

export const appDownload = workflow('AppDownload', {
  comment: 'Lets a user download an age-rated app once the ageCheck activity worker approves them, then starts the download.',
  timeoutSeconds: 300,
})
  .task('Check Age', runActivity(ageCheck))
  .catch(['States.ALL'], failure, { resultPath: 'error-info' })
  .task('Start Download', lambda.call(startAppDownload))
  .succeed('Success');
