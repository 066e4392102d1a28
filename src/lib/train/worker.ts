/**
 * The training worker: a thin adapter between the page's messages and a TrainingSession (session.ts), which
 * owns tfjs, the data and the engine. Junk messages are dropped (parseToWorker never throws).
 */

import * as tf from '@tensorflow/tfjs';
import { parseToWorker, type FromWorker } from './protocol';
import { TrainingSession } from './session';

const port = self as unknown as {
	postMessage(message: FromWorker, transfer: Transferable[]): void;
	onmessage: ((e: MessageEvent) => void) | null;
};

const session = new TrainingSession({ post: (m, transfer) => port.postMessage(m, transfer) });

port.onmessage = (e: MessageEvent) => {
	const msg = parseToWorker(e.data);
	if (msg) void session.handle(msg);
};

void tf.ready;
