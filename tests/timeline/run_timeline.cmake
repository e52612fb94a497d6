# tests/timeline/run_timeline.cmake: cmake -DCHECKER=... -DSCENARIO=... -DOUT=prefix
# -DXMLLINT=... -P run_timeline.cmake -- SIM ARGS...: run SIM ARGS with --json,
# --timeline OUT.json and --timeline-svg OUT.svg (exit 0), check the JSON
# timeline with the checker, and the SVG for well-formed XML and content:
# a lane per track, a legend, and a tooltip on every shape.
include(${CMAKE_CURRENT_LIST_DIR}/../argv_command.cmake)
execute_process(COMMAND ${CMD} --json --timeline ${OUT}.json --timeline-svg ${OUT}.svg
  OUTPUT_FILE ${OUT}.summary ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sim exited ${rc}: ${err}")
endif()
execute_process(COMMAND ${CHECKER} ${SCENARIO} ${OUT}.json ${OUT}.summary RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the timeline JSON failed its checks")
endif()
execute_process(COMMAND ${XMLLINT} --noout ${OUT}.svg RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT}.svg is not well-formed XML: ${err}")
endif()
# count(XPATH) in the SVG
function(svg_count var xpath)
  execute_process(COMMAND ${XMLLINT} --xpath "count(${xpath})" ${OUT}.svg OUTPUT_VARIABLE n RESULT_VARIABLE rc)
  string(STRIP "${n}" n)
  set(${var} "${n}" PARENT_SCOPE)
endfunction()
file(READ ${OUT}.svg svg)
string(REPLACE "@@" ";" EXPECT_TEXT "${EXPECT_TEXT}")
foreach(want ${EXPECT_TEXT})
  string(FIND "${svg}" "${want}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the SVG has no '${want}'")
  endif()
endforeach()
# every span (a rect inside a group) and marker (a path) has its title
svg_count(shapes "//*[local-name()='g'][*[local-name()='rect' or local-name()='path']]")
svg_count(titled "//*[local-name()='g'][*[local-name()='rect' or local-name()='path']][*[local-name()='title']]")
if(shapes LESS 10 OR NOT shapes EQUAL titled)
  message(FATAL_ERROR "${shapes} shapes, ${titled} with a tooltip")
endif()
svg_count(scripts "//*[local-name()='script' or local-name()='style' or local-name()='image']")
if(NOT scripts EQUAL 0)
  message(FATAL_ERROR "the SVG is not self-contained (script, style sheet or image)")
endif()
message(STATUS "timeline ${SCENARIO}: JSON and SVG checked (${shapes} shapes)")
