#!/usr/bin/env node
/**
 * `statecraft` command-line entry: runs {@link main} (the command table and dispatch, in
 * `./dispatch`, where commands are registered) on the process arguments and exits with its code.
 */
import { main } from './dispatch';

process.exitCode = await main(process.argv.slice(2));
