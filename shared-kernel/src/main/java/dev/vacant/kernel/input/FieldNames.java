package dev.vacant.kernel.input;

/** The API's field names: snake_case JSON names of camelCase Java names. */
public final class FieldNames {

    private FieldNames() {
    }

    /** {@code newCapabilityText} as {@code new_capability_text}; a path keeps its dots and indices. */
    public static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && Character.isLetterOrDigit(name.charAt(i - 1))) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
