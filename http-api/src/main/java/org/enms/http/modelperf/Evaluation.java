package org.enms.http.modelperf;

import java.time.Instant;
import org.enms.analytics.performance.Drift;
import org.enms.analytics.performance.ModelAccuracy;
import org.enms.analytics.performance.TrainingFit;
import org.enms.analytics.performance.WindowEvaluation;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.MachineRow;

/**
 * One evaluation of a machine's baseline on a window, before it is stored.
 *
 * @param end the window's end as judged: the requested end, cut back to the last complete hour
 */
record Evaluation(
    MachineRow machine,
    BaselineRow model,
    Instant start,
    Instant end,
    WindowEvaluation window,
    ModelAccuracy accuracy,
    TrainingFit fit,
    Drift drift) {}
