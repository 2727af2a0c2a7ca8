package se.tryggsamverkan.publication.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The public pages and their open data get an ETag, so that a client asking again gets 304 when nothing changed. */
@Configuration
class PublicPageEtags {

  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtagFilter() {
    FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
        new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns("/offentlig/*");
    return registration;
  }
}
