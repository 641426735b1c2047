package dev.scimflow.ingest.workspaces;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.scimflow.scim.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Fails closed: every handler under {@code /admin/**}, matched the way requests are routed, requires the mark the
 * admin filter sets after checking the credential. A request that reached such a handler past the filter is
 * refused with 401.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!Boolean.TRUE.equals(request.getAttribute(AdminAuthFilter.AUTHENTICATED))) {
                    throw new ScimException(401, null, "Missing or invalid admin credential");
                }
                return true;
            }
        }).addPathPatterns("/admin/**");
    }
}
