/**
 * Response actions over REST: {@code POST /api/v1/incidents/{id}/actions} (ANALYST, ADMIN; a confirmed JSON body of at
 * most {@value com.ramparts.soc.response.api.ActionBodies#MAX_BODY} bytes, read strictly; {@code Idempotency-Key}
 * makes retries safe) and {@code GET /api/v1/incidents/{id}/actions}. Errors are the incidents API's
 * {@code {"code", "message"}} with stable codes. May depend on {@code response}, {@code incident} and {@code account}.
 */
package com.ramparts.soc.response.api;
