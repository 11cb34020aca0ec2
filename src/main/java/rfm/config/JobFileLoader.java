package rfm.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import rfm.classify.ScoreRange;

/**
 * Reads a YAML job file with Spring Boot's binder: relaxed key names, type conversion, unknown keys and
 * missing keys refused, each error naming the key and its line.
 */
public final class JobFileLoader {

    /** Keys that may be left out or empty. */
    private static final Set<String> OPTIONAL = Set.of("rates", "monetary-days", "uncounted", "r", "fm",
            "action-zh", "action-en", "thresholds", "need-keywords", "need-actions", "owners", "enabled",
            // inputs: all but the file name have defaults; a reject limit is a percent or a number of rows
            "encoding", "delimiter", "date-formats", "amount-format", "columns", "reject-limit", "percent", "rows",
            "thousands-separator", "decimal-separator", "currency-symbols", "textfile-dir");

    /** A job file may name another one it builds on: {@code extends: ../jobs/nightly.yml}. */
    private static final String EXTENDS = "extends";

    private JobFileLoader() {
    }

    public static JobFile load(Path path) {
        List<PropertySource<?>> sources = new ArrayList<>();
        read(path, sources, new ArrayList<>());
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(String.class, ScoreRange.class, ScoreRange::parse);
        conversion.addConverter(Number.class, ScoreRange.class, n -> ScoreRange.parse(n.toString()));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), null, conversion);
        try {
            return binder.bind(ConfigurationPropertyName.EMPTY, Bindable.of(JobFile.class),
                    new RequiredKeys(new NoUnboundElementsBindHandler(BindHandler.DEFAULT))).get();
        } catch (BindException e) {
            throw new JobFileException("job file " + path + ": " + describe(e), e);
        } catch (RuntimeException e) {
            throw new JobFileException("job file " + path + ": " + rootMessage(e), e);
        }
    }

    /**
     * Reads one job file, then the file it {@code extends} (a path relative to it), so that its own keys win.
     * A key written with no value ({@code monetary-days:}) counts as left out.
     */
    private static void read(Path path, List<PropertySource<?>> sources, List<Path> chain) {
        Path file = path.toAbsolutePath().normalize();
        if (chain.contains(file)) {
            throw new JobFileException("job file " + path + " extends itself (through " + chain + ")", null);
        }
        chain.add(file);
        if (!Files.isRegularFile(file)) {
            throw new JobFileException("job file " + path + " does not exist", null);
        }
        List<PropertySource<?>> loaded;
        try {
            loaded = new YamlPropertySourceLoader().load(path.toString(), new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            throw new JobFileException("job file " + path + " is not valid YAML: " + rootMessage(e), e);
        }
        if (loaded.isEmpty()) {
            throw new JobFileException("job file " + path + " is empty", null);
        }
        Object base = null;
        for (PropertySource<?> source : loaded) {
            Map<String, Object> kept = new LinkedHashMap<>();
            EnumerablePropertySource<?> e = (EnumerablePropertySource<?>) source;
            for (String key : e.getPropertyNames()) {
                Object value = e.getProperty(key);
                Object plain = value instanceof OriginTrackedValue o ? o.getValue() : value;
                if (key.equals(EXTENDS)) {
                    base = plain;
                } else if (plain != null && !"".equals(plain)) {
                    kept.put(key, value);
                }
            }
            sources.add(new OriginTrackedMapPropertySource(source.getName(), kept));
        }
        if (base != null) {
            read(file.getParent().resolve(base.toString()), sources, chain);
        }
    }

    private static String describe(BindException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnboundConfigurationPropertiesException unbound) {
            return "unknown key(s) " + unbound.getUnboundProperties().stream()
                    .map(p -> "'" + p.getName() + "'" + line(p)).collect(Collectors.joining(", "))
                    + " (check the spelling against jobs/nightly.yml)";
        }
        if (cause instanceof MissingKeyException missing) {
            return missing.getMessage();
        }
        String key = e.getName().toString();
        return key.isEmpty() ? rootMessage(e) : "key '" + key + "'" + line(e.getProperty()) + ": " + rootMessage(e);
    }

    private static String line(ConfigurationProperty p) {
        if (p == null || p.getOrigin() == null) {
            return "";
        }
        String origin = p.getOrigin().toString();
        int colon = origin.lastIndexOf(" - ");
        return colon < 0 ? "" : " (line " + origin.substring(colon + 3).split(":")[0] + ")";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Refuses a job file that leaves out a key that has no sensible default. */
    private static final class RequiredKeys extends AbstractBindHandler {

        RequiredKeys(BindHandler parent) {
            super(parent);
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
                throws Exception {
            super.onFinish(name, target, context, result);
            if (result == null && !name.isEmpty() && !name.isLastElementIndexed()
                    && !OPTIONAL.contains(name.getLastElement(ConfigurationPropertyName.Form.DASHED)) && !insideCondition(name)) {
                throw new MissingKeyException("key '" + name + "' is missing");
            }
        }
    }

    /** Every condition of a revisit rule's {@code when} is optional. */
    private static boolean insideCondition(ConfigurationPropertyName name) {
        for (int i = 0; i < name.getNumberOfElements() - 1; i++) {
            if (name.getElement(i, ConfigurationPropertyName.Form.DASHED).equals("when")) {
                return true;
            }
        }
        return false;
    }

    private static final class MissingKeyException extends RuntimeException {
        MissingKeyException(String message) {
            super(message);
        }
    }
}
