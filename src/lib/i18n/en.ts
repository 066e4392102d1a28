import { count } from './number';
import { en as embed } from './sections/embed';
import { en as classResults } from './sections/class-results';
import { en as classNetworks } from './sections/class-networks';
import { en as present } from './sections/present';
import { en as runBar } from './sections/run-bar';
import { en as faceGallery } from './sections/face-gallery';
import { en as inversion } from './sections/inversion';
import { en as pairAngles } from './sections/pair-angles';
import { en as replay } from './sections/replay';
import { en as backendChoice } from './sections/backend-choice';
import { en as slowMotion } from './sections/slow-motion';
import { en as thetaDistribution } from './sections/theta-distribution';
import { en as trainingCurves } from './sections/training-curves';
import { en as glossary } from './sections/glossary';
import { en as expRun } from './sections/experiments-run';
import { en as featureSpace } from './sections/feature-space';
import { en as openSet } from './sections/open-set';
import { en as homePage } from './sections/home';

/** English UI strings. The Chinese table must have exactly the same keys (checked by the type). */
export const en = {
	langName: 'English',
	siteName: 'Margin Lab',
	tagline: 'How face-recognition networks learn: ArcFace, margins and the brain',
	skipToContent: 'Skip to content',
	nav: { teach: 'For instructors', home: 'Home', figures: 'Figures', label: 'Main' },
	langSwitch: 'Language',
	home: {
		lead: 'Margin Lab is an interactive course on how deep face-recognition networks learn to tell identities apart, built around the ArcFace paper (Deng et al., CVPR 2019). Every figure is computed in your browser from the formulas, and the notes beside them compare the computer model with what cognitive neuroscience knows about how people and primates recognise faces.',
		figuresHeading: 'Figures you can use now',
		offline:
			'Everything runs on this page: no data leaves your browser and nothing needs a network connection.'
	},
	lessons: {
		nav: 'Lessons',
		indexTitle: 'Lessons',
		indexLead:
			'Twelve lessons, each pairing figures you can change with notes that set the computer model beside what is known about face recognition in the brain. Your progress is kept in this browser only.',
		lessonN: (n: number) => `Lesson ${n}`,
		status: (correct: number, total: number) => `${correct} of ${total} questions answered correctly`,
		notStarted: 'Not started',
		visited: 'Opened',
		done: 'Complete',
		resetProgress: 'Reset my progress',
		resetConfirm: 'Progress reset.',
		notSaved: 'This browser does not let the page store anything, so progress lasts for this visit only.',
		checkHeading: 'Check your understanding',
		check: 'Check answer',
		correct: 'Correct.',
		incorrect: 'Not quite.',
		rightOption: 'right answer',
		wrongOption: 'your answer, not right',
		chooseFirst: 'Choose an option first.',
		scrollsSideways: 'Wide content: scrolls sideways',
		allFeedback: 'Why each option is right or wrong',
		sources: 'Sources',
		previous: 'Previous lesson',
		next: 'Next lesson',
		print: 'Print this lesson',
		textMissing:
			'This lesson’s English text could not be loaded (is the connection down?). What was already on the page stays; reload the page to try again.',
		figureMissing: (name: string) =>
			`The “${name}” figure needs the in-browser training lab, which is not part of this build yet.`,
		openFigure: 'Open this figure on its own page'
	},
	lab: {
		nav: 'Lab',
		title: 'The lab: softmax vs ArcFace, trained in your browser',
		skipToSettings: 'Skip to the settings',
		lead: 'Two tiny networks learn the same 8 synthetic identities from the same images, in the same order, from the same starting weights. Only their loss differs. Press Train and watch where each one puts the identities.',
		train: 'Train',
		pause: 'Pause',
		step: 'Step',
		reset: 'Reset',
		modelA: 'Model A',
		modelB: 'Model B',
		lossOf: (which: string) => `Loss of ${which}`,
		seed: 'Seed',
		preparing: (done: number, total: number) => `Drawing faces: ${count(done)} of ${count(total)}…`,
		lazyRun: (faces: number) =>
			`Press Train: builds ${count(faces)} synthetic faces and two small networks in your browser.`,
		backendChosen: (name: string) => `Training on ${name}.`,
		backendNames: { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' },
		backendUnavailable: (wanted: string, used: string) =>
			`${wanted} is not available on this device; training runs on ${used}.`,
		speedsHeading: 'Measured speed of each backend',
		speedCell: (sps: string, warm: string) =>
			`${sps} ${sps === '1' ? 'step' : 'steps'}/s (start-up ${warm} s)`,
		speedFailed: 'not available',
		stepCounter: (step: number) => `Step ${count(step)}`,
		rate: (sps: string) => `${sps} ${sps === '1' ? 'step' : 'steps'}/s`,
		stats: {
			model: 'Model',
			loss: 'Loss',
			trainAcc: 'Training accuracy',
			testAcc: 'Held-out accuracy',
			theta: 'Mean θ_y'
		},
		panelTitle: (which: string, loss: string, step: number) => `${which}: ${loss}, step ${count(step)}`,
		panelDescription: (loss: string, acc: string, theta: string, n: number) =>
			`${loss}: ${n} held-out faces drawn as points coloured and shaped by identity; held-out accuracy ${acc} %, mean angle to the class centre ${theta}°.`,
		summary: (which: string, loss: string, step: number, acc: string, theta: string) =>
			`${which}, ${loss}, step ${count(step)}: held-out accuracy ${acc} %, mean angle θ to the class centre ${theta}°`,
		identity: (i: number) => `ID ${i + 1}`,
		sample: (i: number, k: number) => `Identity ${i + 1}, sample ${k + 1}`,
		facesHeading: 'What the networks see',
		facesNote: (size: number) => `Sample training faces at the ${size} × ${size} pixels the networks use.`,
		diverged: {
			'lr-too-high': 'The learning rate is too high: the loss blew up.',
			's-too-large': 'The scale s is too large: the logits overflowed.',
			'margin-too-large': 'The margin is too large for the network to satisfy.',
			unknown: 'The loss stopped being a finite number.',
			'features-overflow':
				'The features grew too long for the computer’s numbers (the learning rate is probably too high): normalised, they all became zero and the model stopped learning.',
			'no-gradient':
				'The gradient became exactly zero: the model stopped learning (the learning rate is probably too high).',
			collapsed:
				'Every feature fell onto one point, so no identity can be told apart (the learning rate is probably too high).',
			stuck: 'The loss stopped moving while the accuracy stays at chance: the model has stopped learning.'
		},
		divergedTitle: (which: string) => `${which} paused`,
		restore: 'Go back to the last good weights',
		backendChanged: (from: string, to: string) =>
			`The ${from} backend stopped working; training carries on with ${to}.`,
		backendLost: (name: string) => `The ${name} backend stopped working and no other backend is available.`,
		workerError: (msg: string) => `Training stopped: ${msg}`,
		newVersion:
			'A new version of Margin Lab has been published, and this page, from the old one, could not load its training code. Reload the page to train with the new version.',
		reload: 'Reload the page',
		controls: {
			heading: 'Settings',
			marginsOf: (which: string) => `Margins of ${which}`,
			s: 'Scale s',
			m1: 'm1 (multiplies θ)',
			m2: 'm2 (adds to θ, radians)',
			m3: 'm3 (subtracts from cos θ)',
			fallback: 'Past θ = π − m',
			fallbacks: { none: 'plain cos(θ + m)', insightface: 'insightface fallback', easy: 'easy margin' },
			optimizer: 'Optimizer',
			optimizers: { sgd: 'SGD with momentum', adam: 'Adam' },
			lr: 'Learning rate',
			batch: 'Batch size',
			momentum: 'Momentum',
			data: 'Data',
			perIdentity: 'Faces per identity',
			size: 'Image size (pixels)',
			identities: 'Training identities',
			dim: 'Embedding dimension',
			nuisance: 'Variation within an identity',
			nuisanceNames: {
				yaw: 'Pose (turn)',
				tilt: 'Tilt',
				lighting: 'Lighting',
				expression: 'Expression',
				scaleShift: 'Scale and shift',
				noise: 'Pixel noise',
				occluder: 'Glasses or mask'
			},
			seed: 'Seed',
			newSeed: 'New seed',
			pace: 'Speed',
			paces: { slow: 'Slow', medium: 'Medium', fast: 'As fast as possible' },
			applyData: 'Changing the data starts a new run.',
			copyLink: 'Copy link to these settings',
			copied: 'Link copied.',
			copyFailed: 'Copy this link:',
			help: 'Keyboard shortcuts',
			keys: {
				space: 'Train / pause',
				right: 'One training step',
				r: 'Reset to step 0',
				help: 'Show or hide this list',
				close: 'Close'
			}
		},
		losses: {
			softmax: 'Softmax (L1)',
			normface: 'NormFace (L2)',
			sphereface: 'SphereFace',
			arcface: 'ArcFace',
			cosface: 'CosFace',
			cm1: 'Combined CM1',
			cm2: 'Combined CM2',
			custom: 'Custom margin',
			intra: 'Intra-loss (L5)',
			inter: 'Inter-loss (L6)',
			triplet: 'Angular triplet'
		}
	},
	featureCircle: {
		title: 'Features on the circle',
		caption:
			'Paper Fig. 3, live: each held-out face is a point at the 2-D feature the network gives it, coloured and shaped by identity, with the class-centre directions W_j as rays. Softmax keeps raw features, so norms vary and identities smear out along rays; normalised losses are drawn on the unit circle, where ArcFace pulls each identity into a tight arc.'
	},
	exportMenu: {
		label: 'Export',
		png: 'Save PNG',
		svg: 'Save SVG',
		csv: 'Save embeddings (CSV)',
		failed: (why: string) => `Export failed: ${why}`
	},
	figure: {
		openAlone: 'Open this figure alone (for embedding)',
		summaryHeading: 'What the figure shows',
		degrees: '°'
	},
	targetLogits: {
		title: 'Target-logit curves',
		caption:
			'The logit of the correct class as a function of the angle θ between a feature and its class centre, for each loss (paper Fig. 4b). A margin pushes the curve down, so the network has to bring θ lower before the correct class wins.',
		curvesLegend: 'Curves to draw',
		customLegend: 'Custom combined margin cos(m1·θ + m2) − m3',
		rangeLabel: 'Angle range',
		rangePaper: '20°–100° (the range training uses)',
		rangeWide: '0°–180° (where cos(θ + m) turns back up)',
		readoutLabel: 'Read values at θ',
		xAxis: 'Angle θ between feature and class centre (degrees)',
		xAxisShort: 'θ (degrees)',
		yAxis: 'Target logit (÷ s)',
		turnBack: 'cos(θ + m) rises again past θ = 180° − m',
		names: {
			softmax: 'Softmax',
			sphereface: 'SphereFace (m1 = 1.35)',
			arcface: 'ArcFace (m2 = 0.5)',
			cosface: 'CosFace (m3 = 0.35)',
			cm1: 'CM1 (1, 0.3, 0.2)',
			cm2: 'CM2 (0.9, 0.4, 0.15)',
			custom: 'Custom',
			fallback: 'ArcFace + insightface fallback',
			easy: 'ArcFace + easy margin'
		},
		noCurves: 'No curve selected.',
		summary: (theta: string, values: string) => `At θ = ${theta}°: ${values}.`,
		summaryNone: (theta: string) => `At θ = ${theta}° no curve is selected.`,
		wideOnlyHint: 'Greyed curves appear on the 0°–180° range.',
		wideOnly: 'drawn on the 0°–180° range only'
	},
	decisionMargins: {
		title: 'Decision margins',
		caption:
			'The binary case of paper Fig. 5: where a feature stops being class 1 and becomes class 2, drawn in the plane of its angles θ1 and θ2 to the two class centres. Dashed lines are the decision boundaries of the two classes, the grey band between them is the margin that no class claims.',
		lossLabel: 'Loss',
		marginLabel: 'Margin m',
		phiLabel: 'Angle between the two class centres',
		viewLabel: 'View',
		views: { both: 'Plane and circle', plane: 'Angle plane', circle: 'Circle' },
		losses: {
			softmax: 'Softmax',
			sphereface: 'SphereFace (m·θ1 = θ2)',
			cosface: 'CosFace (cos θ1 − m = cos θ2)',
			arcface: 'ArcFace (θ1 + m = θ2)'
		},
		planeTitle: 'Boundaries in the (θ1, θ2) plane',
		circleTitle: 'The same margin as a wedge between two class centres',
		xAxis: 'θ1: angle to class 1 (degrees)',
		yAxis: 'θ2: angle to class 2 (degrees)',
		class1: 'class 1',
		class2: 'class 2',
		marginArea: 'margin',
		noMargin: 'Softmax has no margin: both classes share the line θ1 = θ2.',
		gapAt: (theta: string, gap: string) => `at θ1 = ${theta}° the gap is ${gap}°`,
		gapNone: (theta: string) => `at θ1 = ${theta}° there is no boundary`,
		summaryPlane: (loss: string, m: string, gaps: string) => `${loss}, m = ${m}: ${gaps}.`,
		summaryCircle: (phi: string, a: string, b: string, w: string) =>
			`With class centres ${phi}° apart, class 1 ends ${a}° from its centre and class 2 begins ${b}° from class 1's centre: a wedge of ${w}° belongs to neither.`,
		summaryCircleNone: (phi: string) =>
			`With class centres ${phi}° apart, this margin is too large: no feature between them satisfies either class.`
	},
	// Figures' and pages' own strings, one file each in ./sections
	embed,
	classResults,
	classNetworks,
	present,
	runBar,
	faceGallery,
	inversion,
	expRun,
	pairAngles,
	replay,
	backendChoice,
	slowMotion,
	thetaDistribution,
	trainingCurves,
	glossary,
	featureSpace,
	openSet,
	homePage
};

export type Messages = typeof en;
