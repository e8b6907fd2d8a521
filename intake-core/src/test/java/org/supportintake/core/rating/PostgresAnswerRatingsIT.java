package org.supportintake.core.rating;

import org.supportintake.core.testing.OnPostgres;

class PostgresAnswerRatingsIT extends OnPostgres implements AnswerRatingsContract {
}
