package io.github.camelpreservica.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Lets {@code application.properties} set an option whose type is an object (a configuration or repository bean)
 * by naming a bean: {@code #myBean} or {@code #bean:myBean}, as Camel's own starters accept. Spring cannot turn the
 * text into such an object by itself, so binding would otherwise fail at startup.
 */
public final class BeanReferenceConverter implements GenericConverter {

    private final ApplicationContext applicationContext;
    private final String prefix;
    private final Set<ConvertiblePair> pairs = new LinkedHashSet<>();

    public BeanReferenceConverter(ApplicationContext applicationContext, String prefix, List<Class<?>> targetTypes) {
        this.applicationContext = applicationContext;
        this.prefix = prefix;
        for (Class<?> type : targetTypes) {
            pairs.add(new ConvertiblePair(String.class, type));
        }
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String text = source.toString().trim();
        Class<?> type = targetType.getType();
        if (!text.startsWith("#")) {
            throw new IllegalArgumentException("An option of " + prefix + ".* of type " + type.getName()
                    + " takes a bean reference such as #myBean, not a plain value");
        }
        String name = text.startsWith("#bean:") ? text.substring("#bean:".length()) : text.substring(1);
        try {
            return applicationContext.getBean(name, type);
        } catch (NoSuchBeanDefinitionException e) {
            throw new IllegalArgumentException("An option of " + prefix + ".* refers to bean '" + name
                    + "', but there is no bean of that name and type " + type.getName(), e);
        }
    }
}
