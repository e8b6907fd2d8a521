package org.supportintake.web.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportintake.core.audit.AuditAction;

class AuditWhatTest {

    @Test
    void aQueueFilterIsReadOutInRussianWithTheSearchAsTyped() {
        assertThat(AuditWhat.readable(AuditAction.SEARCH, "status=in_progress category=complaint priority=high "
                + "channel=email flag=overdue assignee=petrova from=2026-12-01 to=2026-12-03 q=\"status=x и***@mail.ru\""))
                .isEqualTo("статус: В работе; категория: Жалоба; приоритет: Высокий; канал: Эл. почта; "
                        + "отметка: Просрочено; исполнитель: petrova; с 2026-12-01; по 2026-12-03; "
                        + "поиск: «status=x и***@mail.ru»");
        assertThat(AuditWhat.readable(AuditAction.VIEW_QUEUE, "open")).isEqualTo("открытые обращения");
        assertThat(AuditWhat.readable(AuditAction.VIEW_QUEUE, "status=all")).isEqualTo("статус: все");
    }

    @Test
    void theApisRequestLineIsNamedAndItsFilterReadOut() {
        assertThat(AuditWhat.readable(AuditAction.API_READ, "GET /api/v1/tickets status=accepted"))
                .isEqualTo("API: список обращений: статус: Принято");
        assertThat(AuditWhat.readable(AuditAction.API_READ, "GET /api/v1/tickets/{number}")).isEqualTo("API: обращение");
        assertThat(AuditWhat.readable(AuditAction.API_READ, "GET /api/v1/audit staff=petrova action=view_ticket"))
                .isEqualTo("API: аудит: сотрудник: petrova; действие: Просмотр обращения");
    }

    @Test
    void theLogsFilterAccountsAndDownloadsSayWhatTheirCodesMean() {
        assertThat(AuditWhat.readable(AuditAction.VIEW_LOG, "журнал: событие ticket_created, канал email"))
                .isEqualTo("журнал: событие «Создано обращение», канал «Эл. почта»");
        assertThat(AuditWhat.readable(AuditAction.ACCOUNT_ADDED, "petrova (supervisor)"))
                .isEqualTo("petrova (Руководитель)");
        assertThat(AuditWhat.readable(AuditAction.DOWNLOAD_ATTACHMENT, "42")).isEqualTo("файл № 42");
        assertThat(AuditWhat.readable(AuditAction.VIEW_TICKET, "ticket page")).isEqualTo("страница обращения");
    }

    @Test
    void whatItDoesNotKnowIsShownAsRecorded() {
        assertThat(AuditWhat.readable(AuditAction.VIEW_QUEUE, "status=accepted colour=red"))
                .isEqualTo("status=accepted colour=red");
        assertThat(AuditWhat.readable(AuditAction.VIEW_QUEUE, "status=retired")).isEqualTo("статус: retired");
        assertThat(AuditWhat.readable(AuditAction.VIEW_SET_ASIDE, "отложенное письмо 7"))
                .isEqualTo("отложенное письмо 7");
        assertThat(AuditWhat.readable(AuditAction.LOGOUT, "")).isEmpty();
    }
}
