package org.supportintake.core.rating;

import org.supportintake.core.testing.OnH2;

class H2AnswerRatingsTest extends OnH2 implements AnswerRatingsContract {
}
