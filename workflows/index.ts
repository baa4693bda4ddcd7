export { dailyDigestWorkflow } from './digest/daily-digest.workflow.js';
export { incidentWorkflow } from './incident.workflow.js';
export { filingTrackWorkflow } from './tracks/filing-track.workflow.js';
export { noticeDeliveryWorkflow } from './notices/notice-delivery.workflow.js';
