package org.supportintake.web.staff;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The staff API's JSON answers: UTF-8, never cached (the gate says so), keys in the order they were put. */
final class StaffJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StaffJson() {
    }

    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
